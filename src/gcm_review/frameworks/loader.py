"""Load a framework (objectives, guiding principles, weighted terms) from TOML and validate it.

The packaged `gcm.toml` holds the Global Compact for Migration; any other name is read as the path
of a TOML file with the same schema. Everything that differs between frameworks is in the file:
its numbered labels (their count included), what a label is called, the words that introduce a
reference to one, titles, term lists, clusters, principles and the training examples' files
(paths relative to the framework file). Loading is cached per name.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gcm_review.errors import FrameworkError
from gcm_review.frameworks.references import (
    LabelWord,
    References,
    check_keys,
    parse_label_words,
    parse_references,
)
from gcm_review.languages import fold_arabic, normalise_for_matching
from gcm_review.languages.script import HAN_CHARACTERS

DEFAULT_FRAMEWORK = "gcm"
_HEAD_KEYS = (
    "name",
    "version",
    "title",
    "short_title",
    "short_name",
    "label",
    "principle_label",
    "roundtables",
    "examples",
)
_DEFAULT_PRINCIPLE = LabelWord("en", "principle", "principles")

LANGUAGES = ("en", "fr", "ar")
STRONG_WEIGHT = 1.0
WEAK_WEIGHT = 0.4
_TERM_KINDS = (("strong", STRONG_WEIGHT), ("weak", WEAK_WEIGHT))
STEM_CHARACTERS = 4  # the shortest stem a term's word ending in * may have
_HAN = re.compile(f"[{HAN_CHARACTERS}]")
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PACKAGED_NAME = re.compile(r"[a-z0-9_-]+")
# Folding used to find repeated terms, close to what term matching treats as equal.
_JOINERS = re.compile(r"[-‐‑–\s]+")


@dataclass(frozen=True)
class Term:
    """A phrase that signals a label: weight 1.0 (strong, alone) or 0.4 (weak, supporting)."""

    text: str
    weight: float
    lang: str


@dataclass(frozen=True)
class Objective:
    """One numbered objective with its cluster, titles per language, scope note and terms."""

    number: int
    key: str
    label: str
    cluster: str
    titles: Mapping[str, str] = field(hash=False)
    scope: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Principle:
    """One guiding principle with its titles per language, scope note and terms."""

    key: str
    label: str
    titles: Mapping[str, str] = field(hash=False)
    scope: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Framework:
    """A review framework: objectives numbered 1..N and guiding principles.

    `label_words` say what one numbered label is called ("objective", "goal"), `principle_words`
    what a guiding principle is called; `roundtables` name the cluster that each numbered
    roundtable discusses (Roundtable 1 the first); `references` hold the data of the
    explicit-reference patterns; `examples` are the training files.
    """

    name: str
    version: str
    title: Mapping[str, str] = field(hash=False)
    objectives: tuple[Objective, ...]
    principles: tuple[Principle, ...]
    label_words: tuple[LabelWord, ...] = (LabelWord("en", "objective", "objectives"),)
    principle_words: tuple[LabelWord, ...] = ()
    roundtables: tuple[str, ...] = ()
    short_title: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    short_name: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    references: References = References()
    examples: tuple[Path, ...] = ()

    def name_in(self, lang: str = "en") -> str:
        """The framework's short title in a language ("Global Compact for Migration"), else its
        title."""
        return self.short_title.get(lang) or self.title.get(lang) or self.title["en"]

    def short_name_in(self, lang: str = "en") -> str:
        """The framework's shortest name in a language, for headings ("Global Compact"), else its
        short title or title."""
        return self.short_name.get(lang) or self.name_in(lang)

    @property
    def size(self) -> int:
        """N, the number of numbered labels (objectives 1..N)."""
        return len(self.objectives)

    def label_word(self, lang: str = "en", *, plural: bool = False) -> str:
        """What one label (or several) is called in a language, English when it has no word."""
        word = next((w for w in self.label_words if w.lang == lang), None)
        word = word or next(w for w in self.label_words if w.lang == "en")
        return word.plural if plural else word.singular

    def principle_word(self, lang: str = "en", *, plural: bool = False) -> str:
        """What a guiding principle (or several) is called, "principle" when the file says not."""
        words = self.principle_words or (_DEFAULT_PRINCIPLE,)
        word = next((w for w in words if w.lang == lang), None)
        word = word or next((w for w in words if w.lang == "en"), _DEFAULT_PRINCIPLE)
        return word.plural if plural else word.singular

    def roundtable_cluster(self, number: int) -> str | None:
        """The cluster Roundtable `number` discusses, None when the framework names none."""
        return self.roundtables[number - 1] if 1 <= number <= len(self.roundtables) else None

    def numbering(self) -> str:
        """How the labels are numbered, for hints: "objectives are numbered 1 to 23"."""
        return f"{self.label_word(plural=True)} are numbered 1 to {self.size}"

    def objective(self, number: int) -> Objective:
        """The objective with this number."""
        for objective in self.objectives:
            if objective.number == number:
                return objective
        raise FrameworkError(
            f"framework {self.name} has no {self.label_word()} {number}", hint=self.numbering()
        )

    def principle(self, key: str) -> Principle:
        """The guiding principle with this key."""
        for principle in self.principles:
            if principle.key == key:
                return principle
        keys = ", ".join(principle.key for principle in self.principles)
        raise FrameworkError(
            f"framework {self.name} has no principle {key!r}", hint=f"known keys: {keys}"
        )

    @property
    def clusters(self) -> tuple[str, ...]:
        """The cluster names, sorted."""
        return tuple(sorted({objective.cluster for objective in self.objectives}))

    def cluster_members(self, cluster: str) -> tuple[int, ...]:
        """Numbers of the objectives in a cluster, ascending (empty for an unknown cluster)."""
        return tuple(o.number for o in self.objectives if o.cluster == cluster)


def load_framework(name: str = DEFAULT_FRAMEWORK) -> Framework:
    """The packaged framework of that name, or the framework in the TOML file at that path.

    Cached per name: later calls return the same object (edits to a file are not re-read).
    """
    return _load_cached(name)


@functools.cache
def _load_cached(name: str) -> Framework:
    source, text = _read_source(name)
    return parse_framework(text, source=source)


def parse_framework(text: str, *, source: str) -> Framework:
    """Parse and validate framework TOML; `source` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError(f"{source}: not valid TOML: {exc}") from exc
    head = _table(data, "framework", source)
    where = f"{source}: [framework]"
    check_keys(head, _HEAD_KEYS, where)
    objectives = _objectives(data, source)
    return Framework(
        name=_text(head, "name", where),
        version=_text(head, "version", where),
        title=_titles(head, where),
        objectives=objectives,
        principles=_principles(data, source),
        label_words=parse_label_words(head, where),
        principle_words=parse_label_words(head, where, key="principle_label"),
        roundtables=_roundtables(head, where, {o.cluster for o in objectives}),
        short_title=_short_titles(head, where),
        short_name=_short_titles(head, where, key="short_name"),
        references=parse_references(data, source),
        examples=_examples(head, where, folder=Path(source).absolute().parent),
    )


def _read_source(name: str) -> tuple[str, str]:
    if _PACKAGED_NAME.fullmatch(name):
        packaged = resources.files("gcm_review.frameworks") / f"{name}.toml"
        if packaged.is_file():
            return str(packaged), packaged.read_text(encoding="utf-8")
    path = Path(name)
    if not path.is_file():
        raise FrameworkError(
            f"{name}: no packaged framework of that name and no such file",
            hint="use 'gcm' or the path of a framework .toml file",
        )
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkError(f"{path}: cannot be read as UTF-8 text: {exc}") from exc


def _examples(head: Mapping[str, Any], where: str, *, folder: Path) -> tuple[Path, ...]:
    """The training files, relative to the framework file; each must exist."""
    paths = []
    for name in _texts(head.get("examples", []), f"{where}: examples"):
        path = folder / name
        if not path.is_file():
            raise FrameworkError(
                f"{where}: examples file {name!r} not found beside the framework ({path})",
                hint="list JSON Lines files of labelled paragraphs, relative to the framework file",
            )
        paths.append(path)
    return tuple(paths)


def _roundtables(head: Mapping[str, Any], where: str, clusters: set[str]) -> tuple[str, ...]:
    """The cluster of each numbered roundtable, in order; each must be a cluster of objectives."""
    names = _texts(head.get("roundtables", []), f"{where}: roundtables")
    for name in names:
        if name not in clusters:
            raise FrameworkError(
                f"{where}: roundtables names {name!r}, which is no objective's cluster",
                hint=f"the clusters are {', '.join(sorted(clusters))}",
            )
    return tuple(names)


def _objectives(data: Mapping[str, Any], source: str) -> tuple[Objective, ...]:
    objectives = [
        _objective(entry, source=source, index=index)
        for index, entry in enumerate(_tables(data, "objectives", source, required=True))
    ]
    _check_numbering([objective.number for objective in objectives], source)
    _check_unique([objective.key for objective in objectives], f"{source}: objective key")
    return tuple(sorted(objectives, key=lambda objective: objective.number))


def _objective(entry: Mapping[str, Any], *, source: str, index: int) -> Objective:
    number = entry.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise FrameworkError(
            f"{source}: objectives[{index}]: 'number' must be a positive integer, got {number!r}"
        )
    where = f"{source}: objective {number}"
    return Objective(
        number=number,
        key=_key(entry, where),
        label=_text(entry, "label", where),
        cluster=_text(entry, "cluster", where),
        titles=_titles(entry, where),
        scope=_text(entry, "scope", where),
        terms=_terms(entry, where),
    )


def _principles(data: Mapping[str, Any], source: str) -> tuple[Principle, ...]:
    principles = []
    for index, entry in enumerate(_tables(data, "principles", source, required=False)):
        where = f"{source}: principles[{index}]"
        key = _key(entry, where)
        where = f"{source}: principle {key!r}"
        principles.append(
            Principle(
                key=key,
                label=_text(entry, "label", where),
                titles=_titles(entry, where),
                scope=_text(entry, "scope", where),
                terms=_terms(entry, where),
            )
        )
    _check_unique([principle.key for principle in principles], f"{source}: principle key")
    return tuple(principles)


def _check_numbering(numbers: list[int], source: str) -> None:
    _check_unique(numbers, f"{source}: objective number")
    missing = sorted(set(range(1, len(numbers) + 1)) - set(numbers))
    if missing:
        raise FrameworkError(
            f"{source}: objectives must be numbered 1 to {len(numbers)} without gaps; "
            f"objective {missing[0]} is missing"
        )


def _check_unique(values: list[Any], what: str) -> None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise FrameworkError(f"{what} {value!r} appears more than once")
        seen.add(value)


def _terms(entry: Mapping[str, Any], where: str) -> tuple[Term, ...]:
    terms: list[Term] = []
    seen: dict[tuple[str, str], str] = {}
    for kind, weight in _TERM_KINDS:
        by_language = _table(entry, kind, where, required=False)
        for lang, texts in by_language.items():
            for text in _texts(texts, f"{where}: {kind}.{lang}"):
                _check_stems(text, f"{where}: {kind}.{lang}")
                folded = (lang, _fold(text))
                if folded in seen:
                    raise FrameworkError(
                        f"{where}: {kind}.{lang} lists the term {text!r} twice "
                        f"(already as {seen[folded]!r})"
                    )
                seen[folded] = text
                terms.append(Term(text=text, weight=weight, lang=lang))
    if not any(term.weight == STRONG_WEIGHT and term.lang == "en" for term in terms):
        raise FrameworkError(f"{where}: needs at least one English strong term (strong.en)")
    return tuple(terms)


def _check_stems(text: str, where: str) -> None:
    """A * may end a word of a term (it then matches any word beginning with the rest), after at
    least STEM_CHARACTERS letters; never in a term in Han characters, which matches inside words
    anyway. Words are taken as matching takes them (a hyphen separates two)."""
    if "*" not in text:
        return
    stems = [word for word in normalise_for_matching(text).split() if "*" in word]
    if _HAN.search(text) or not all(_is_stem(word) for word in stems):
        raise FrameworkError(
            f"{where}: in the term {text!r}, * may only end a word of at least "
            f"{STEM_CHARACTERS} letters (not Chinese), as in 'денежн* перевод*'"
        )


def _is_stem(word: str) -> bool:
    stem = word[:-1]
    return word.endswith("*") and "*" not in stem and len(stem) >= STEM_CHARACTERS


def _texts(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise FrameworkError(f"{where}: must be a list of strings")
    texts = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise FrameworkError(f"{where}: every term must be a non-empty string, got {item!r}")
        texts.append(item.strip())
    return texts


def _fold(text: str) -> str:
    folded = text.casefold().replace("’", "'")
    folded = fold_arabic(folded)
    return _JOINERS.sub(" ", folded).strip()


def _titles(entry: Mapping[str, Any], where: str) -> Mapping[str, str]:
    table = _table(entry, "title", where)
    titles = {lang: _text(table, lang, f"{where}: title") for lang in LANGUAGES}
    titles.update({lang: _text(table, lang, f"{where}: title") for lang in table})
    return MappingProxyType(titles)


def _short_titles(
    head: Mapping[str, Any], where: str, *, key: str = "short_title"
) -> Mapping[str, str]:
    table = _table(head, key, where, required=False)
    return MappingProxyType({lang: _text(table, lang, f"{where}: {key}") for lang in table})


def _key(entry: Mapping[str, Any], where: str) -> str:
    key = _text(entry, "key", where)
    if not _KEY.fullmatch(key):
        raise FrameworkError(f"{where}: key {key!r} must be a lowercase slug such as 'rule-of-law'")
    return key


def _text(table: Mapping[str, Any], name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise FrameworkError(f"{where}: '{name}' must be a non-empty string")
    return value.strip()


def _table(
    data: Mapping[str, Any], name: str, where: str, *, required: bool = True
) -> Mapping[str, Any]:
    value = data.get(name)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise FrameworkError(f"{where}: '{name}' must be a table")
    return value


def _tables(
    data: Mapping[str, Any], name: str, source: str, *, required: bool
) -> list[Mapping[str, Any]]:
    value = data.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise FrameworkError(f"{source}: needs a non-empty array of tables [[{name}]]")
    return value
