"""Map the columns of a KoboToolbox (or ODK Central) export onto the form.

Headers may be XML names with or without the group path (`principles/p_people`, `p_people`,
`principles.p_people`) or labels in any language of the form (`Guiding principles/How well...`).
A select_multiple question may come as one column of space-separated choices, as one 0/1 column
per option (`priorities/obj1`, `Which objectives...?/Data and evidence`), or both. Submission
metadata (`_id`, `_uuid`, `_submission_time`, `start`, `meta/instanceID`, ...) is recognised and
left aside; `_uuid` (else `meta/instanceID`) identifies duplicate submissions. Any other column
that is not in the form is reported and kept, so it can still be used with --by.
"""

from __future__ import annotations

import re

from gcm_review.survey.columns import (
    ColumnCollector,
    ColumnMap,
    find_weight_column,
    label_index,
    normalise,
)
from gcm_review.survey.records import Form, Question
from gcm_review.survey.tables import RawTable

_META_NAMES = frozenset(
    [
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
        "instanceid",
        "instancename",
        "deprecatedid",
        "rootuuid",
        "__version__",
        "version",
    ]
)
_META_PREFIXES = ("meta", "formhub")
_UUID_HEADERS = ("_uuid", "meta/instanceid", "instanceid", "meta.instanceid")

Match = tuple[Question, str | None]  # (question, choice name for a per-option column)


def map_kobo_columns(table: RawTable, form: Form, *, weights: str | None) -> ColumnMap:
    """Which column holds which question (and option), the uuid and weight columns, problems."""
    matcher = _KoboMatcher(form)
    collector = ColumnCollector(table)
    weight = find_weight_column(table.header, weights)
    uuid = _uuid_column(table.header)
    extra: dict[str, int] = {}
    for column, header in enumerate(table.header):
        if column in (weight, uuid) or not header:
            continue
        match = matcher.match(header)
        if match is not None:
            question, choice = match
            if choice is None:
                collector.add_main(question.name, column)
            else:
                collector.add_option(question.name, choice, column)
        elif matcher.is_known_other(header):
            field_name = _segments(header)[-1]
            if field_name in matcher.other_fields:  # e.g. a calculate field read by `relevant`
                extra.setdefault(field_name, column)
        else:
            extra.setdefault(header, column)
            collector.unknown(column, "this column is not a question of the form; not analysed")
    return ColumnMap(
        source="kobo",
        questions=collector.sources(),
        uuid=uuid,
        uuid_header=table.header[uuid] if uuid is not None else "",
        weight=weight,
        extra=extra,
        problems=tuple(collector.problems),
    )


def _uuid_column(header: tuple[str, ...]) -> int | None:
    lowered = [name.strip().casefold() for name in header]
    for wanted in _UUID_HEADERS:
        if wanted in lowered:
            return lowered.index(wanted)
    return None


def _segments(header: str) -> list[str]:
    separator = "/" if "/" in header else "."
    return [part.strip() for part in header.split(separator)]


class _KoboMatcher:
    """Matches one header against question names first, then labels in every language."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.labels = label_index(form)
        self.other_fields = frozenset(form.other_fields)

    def match(self, header: str) -> Match | None:
        return self._by_name(_segments(header.strip())) or self._by_label(header.strip())

    def _by_name(self, segments: list[str]) -> Match | None:
        last = segments[-1]
        if len(segments) >= 2:
            owner = self.form.question(segments[-2])
            if owner is not None and owner.kind == "select_multiple" and owner.choice(last):
                return owner, last
        question = self.form.question(last)
        return (question, None) if question is not None else None

    def _by_label(self, header: str) -> Match | None:
        parts = header.split("/")
        for start in range(len(parts)):
            question = self.labels.get(normalise("/".join(parts[start:])))
            if question is not None:
                return question, None
            if start < len(parts) - 1:
                owner = self.labels.get(normalise("/".join(parts[start:-1])))
                choice = _choice_by_label(owner, parts[-1]) if owner else None
                if owner is not None and choice is not None:
                    return owner, choice
        return None

    def is_known_other(self, header: str) -> bool:
        """Metadata, fields the form does not analyse, and the text of 'or_other' answers."""
        text = header.strip()
        segments = [part.casefold() for part in _segments(text)]
        if text.startswith("_") or segments[0] in _META_PREFIXES or segments[-1] in _META_NAMES:
            return True
        last = _segments(text)[-1]
        if last in self.other_fields:
            return True
        base = re.sub(r"_other$", "", last)
        owner = self.form.question(base) if base != last else None
        return owner is not None and owner.is_select


def _choice_by_label(question: Question, text: str) -> str | None:
    if question.kind != "select_multiple":
        return None
    wanted = normalise(text)
    for choice in question.choices:
        if choice.name == text.strip() or wanted in {normalise(v) for v in choice.labels.values()}:
            return choice.name
    return None
