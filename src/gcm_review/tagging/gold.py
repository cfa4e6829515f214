"""Annotated files to score against: several files or folders, their lines' other fields, filters.

A gold line is a labelled paragraph ({"id", "text", "objectives", "principles"}) that may carry
any other fields (the real-text corpus has language, source_kind, country, split, type...); those
fields select paragraphs (`--where split=dev`) and group the scores (`--by language`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gcm_review.errors import InputError
from gcm_review.tagging.examples import Example, example_of, json_lines

MISSING = "(missing)"  # the group of lines that lack the field
NULL = "(none)"  # the group of lines whose field is null

Conditions = Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class GoldItem:
    """One annotated paragraph and every field of its line (for filters and groups)."""

    example: Example
    fields: Mapping[str, Any]


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each path given, a folder standing for its *.jsonl files (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise InputError(
                    str(path), "is a folder with no .jsonl file", hint="check the path"
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def parse_where(conditions: Sequence[str]) -> dict[str, frozenset[str]]:
    """Read FIELD=VALUE conditions; values given for one field are alternatives (OR)."""
    parsed: dict[str, set[str]] = {}
    for condition in conditions:
        field, sep, value = condition.partition("=")
        if not sep or not field.strip():
            raise InputError(
                "--where",
                f"{condition!r} is not FIELD=VALUE",
                hint="for example --where split=dev --where language=fr",
            )
        parsed.setdefault(field.strip(), set()).add(value.strip())
    return {field: frozenset(values) for field, values in parsed.items()}


def field_value(fields: Mapping[str, Any], field: str) -> str:
    """A line's field as text, for matching a condition or naming a group."""
    if field not in fields:
        return MISSING
    value = fields[field]
    if value is None:
        return NULL
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def read_gold(paths: Sequence[Path], where: Conditions | None = None) -> list[GoldItem]:
    """The annotated paragraphs of `paths` (files or folders) that meet every condition."""
    items = [item for path in gold_files(paths) for item in _read_items(path)]
    chosen = [item for item in items if _meets(item.fields, where or {})]
    if not chosen:
        shown = ", ".join(str(path) for path in paths)
        if not items:
            raise InputError(shown, "holds no labelled paragraph", hint="check the path")
        wanted = " and ".join(f"{f}={'|'.join(sorted(v))}" for f, v in (where or {}).items())
        raise InputError(
            shown,
            f"no labelled paragraph has {wanted}",
            hint="check the --where conditions against the fields of the lines",
        )
    return chosen


def check_fields(paths_shown: str, items: Sequence[GoldItem], fields: Iterable[str]) -> None:
    """Refuse to group by a field that no line has (a misspelt field would make one group)."""
    present = {name for item in items for name in item.fields}
    for field in fields:
        if field not in present:
            raise InputError(
                paths_shown,
                f"no line has the field {field!r}",
                hint=f"--by takes one of: {', '.join(sorted(present))}",
            )


def _read_items(path: Path) -> list[GoldItem]:
    items = []
    for number, line in json_lines(path):
        fields = _fields(path, number, line)  # first: it names a line that is not an object
        items.append(GoldItem(example_of(path, number, line), fields))
    return items


def _fields(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            str(path),
            f"line {number} is not a labelled paragraph (JSONDecodeError: {exc})",
            hint='each line must be a JSON object with "text", "objectives" and "principles"',
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            str(path),
            f"line {number} is not a labelled paragraph (a JSON {type(data).__name__})",
            hint='each line must be a JSON object with "text", "objectives" and "principles"',
        )
    return data


def _meets(fields: Mapping[str, Any], where: Conditions) -> bool:
    return all(field_value(fields, field) in values for field, values in where.items())
