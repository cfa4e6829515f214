"""The interface's message catalogues: gettext .po files read at start-up.

Each language has `locale/<language>/LC_MESSAGES/gcm_review.po`. There is no compiled .mo file
to keep in step: `translations(language)` reads the .po file, compiles it in memory to the .mo
format and hands that to Python's own `gettext.GNUTranslations`, which knows plural forms from the
catalogue's `Plural-Forms` header. Untranslated (empty) and fuzzy entries fall back to English.
"""

from __future__ import annotations

import array
import functools
import gettext
import io
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from gcm_review.errors import InternalError

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "gcm_review"
CONTEXT_SEPARATOR = "\x04"  # between a message's context and its id, as gettext stores them
MO_MAGIC = 0x950412DE
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue: its id (and plural id), its translations and its flags."""

    msgid: str
    msgstr: tuple[str, ...]  # one per plural form; one alone when the message has no plural
    msgid_plural: str | None = None
    msgctxt: str | None = None
    fuzzy: bool = False

    @property
    def translated(self) -> bool:
        """Whether every form has a translation and no one marked it fuzzy."""
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention for "translated later")
    """Mark a message for the catalogues; it is translated where it is shown."""
    return message


def catalogue_path(language: str) -> Path:
    """Where the .po file of a language lies."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _unquote(quoted: str) -> str:
    return _ESCAPE.sub(lambda found: _ESCAPES.get(found[1], found[1]), quoted[1:-1])


def _entry(block: list[tuple[int, str]], source: str) -> Entry | None:
    """The entry of one block of lines (None for a block of comments only)."""
    fields: dict[str, str] = {}
    last = ""
    fuzzy = False
    for number, line in block:
        if line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        keyword = _KEYWORD.match(line)
        if keyword is not None:
            last = keyword[1] if keyword[2] is None else f"msgstr[{int(keyword[2]):02d}]"
            fields[last] = _unquote(keyword[3])
        elif line.startswith('"') and line.endswith('"') and last:
            fields[last] += _unquote(line)
        else:
            raise InternalError(f"{source} line {number} is not gettext .po syntax: {line[:60]!r}")
    if "msgid" not in fields:
        return None
    forms = sorted(key for key in fields if key.startswith("msgstr"))
    return Entry(
        msgid=fields["msgid"],
        msgstr=tuple(fields[key] for key in forms),
        msgid_plural=fields.get("msgid_plural"),
        msgctxt=fields.get("msgctxt"),
        fuzzy=fuzzy,
    )


def parse_po(text: str, *, source: str = "catalogue") -> list[Entry]:
    """The entries of a .po file's text (blank lines between entries), the header included."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    entries = (_entry(block, source) for block in blocks)
    return [entry for entry in entries if entry is not None]


def _key(entry: Entry) -> str:
    key = entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\0{entry.msgid_plural}"
    return key if entry.msgctxt is None else f"{entry.msgctxt}{CONTEXT_SEPARATOR}{key}"


def compile_mo(entries: list[Entry]) -> bytes:
    """The .mo bytes of these entries (the layout of GNU msgfmt, without a hash table)."""
    pairs = sorted(
        (_key(entry).encode(), "\0".join(entry.msgstr).encode())
        for entry in entries
        if entry.translated
    )
    ids = strs = b""
    places: list[tuple[int, int, int, int]] = []
    for key, value in pairs:
        places.append((len(ids), len(key), len(strs), len(value)))
        ids += key + b"\0"
        strs += value + b"\0"
    key_start = 7 * 4 + 16 * len(pairs)
    value_start = key_start + len(ids)
    key_table: list[int] = []
    value_table: list[int] = []
    for id_at, id_length, str_at, str_length in places:
        key_table += [id_length, id_at + key_start]
        value_table += [str_length, str_at + value_start]
    header = struct.pack("Iiiiiii", MO_MAGIC, 0, len(pairs), 7 * 4, 7 * 4 + 8 * len(pairs), 0, 0)
    return header + array.array("i", key_table + value_table).tobytes() + ids + strs


@functools.cache
def translations(language: str) -> gettext.GNUTranslations:
    """The translations of one language, read from its .po file once per process."""
    path = catalogue_path(language)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InternalError(f"the {language} message catalogue cannot be read: {exc}") from None
    return gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(text, source=str(path)))))
