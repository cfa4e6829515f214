"""The optional conference file: what a record may not say about its meeting, given by the analyst.

A small TOML file (`conference.toml` in a folder of inputs or beside an input file, or given with
`review --conference FILE`) with any of these keys, each a string unless said otherwise:

    name = "Second Regional Review Conference of the GCM in the Arab States Region"
    dates = "4 and 5 March 2025"
    venue = "Tunis and online"
    format = "hybrid"
    organisers = ["Regional United Nations Network on Migration", "IOM", "ESCWA"]  # a list
    attendance = "17 member States, United Nations entities and 40 stakeholder organisations"
    chair = "..."

The report's introduction names the file as the source of these facts.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gcm_review.errors import InputError

CONFERENCE_FILE = "conference.toml"
_TEXT_KEYS = ("name", "dates", "venue", "format", "attendance", "chair")
_KNOWN_KEYS = frozenset((*_TEXT_KEYS, "organisers", "organizers"))
_HINT = f"write it as TOML with the keys {', '.join(sorted(_KNOWN_KEYS))} (see the demo's sample)"


@dataclass(frozen=True)
class ConferenceInfo:
    """Facts about the meeting a conference record reports on, from the conference file."""

    source: str  # the file's name
    name: str | None = None
    dates: str | None = None
    venue: str | None = None
    format: str | None = None
    organisers: tuple[str, ...] = ()
    attendance: str | None = None
    chair: str | None = None


def read_conference(path: Path) -> ConferenceInfo:
    """The conference file's facts; an InputError names what is wrong with it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"is not a valid conference file ({exc})", hint=_HINT) from exc
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise InputError(str(path), f"has unknown keys: {', '.join(unknown)}", hint=_HINT)
    texts = {key: data.get(key) for key in _TEXT_KEYS}
    organisers = data.get("organisers", data.get("organizers", []))
    if not all(v is None or isinstance(v, str) for v in texts.values()) or not (
        isinstance(organisers, list) and all(isinstance(o, str) for o in organisers)
    ):
        raise InputError(str(path), "has a value of the wrong type", hint=_HINT)
    text = {key: (value.strip() or None) if value else None for key, value in texts.items()}
    return ConferenceInfo(
        source=path.name,
        name=text["name"],
        dates=text["dates"],
        venue=text["venue"],
        format=text["format"],
        organisers=tuple(o.strip() for o in organisers if o.strip()),
        attendance=text["attendance"],
        chair=text["chair"],
    )


def find_conference_file(paths: Iterable[Path]) -> Path | None:
    """The first `conference.toml` in a folder given, or beside a file given."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CONFERENCE_FILE
        if candidate.is_file():
            return candidate
    return None
