"""Every message the interface shows, found where it is written: the templates' `_()`,
`ngettext()` and `{% trans %}`, and the web code's `translate(request, "...")`,
`translate_plural(request, "...", "...", count)` and `N_("...")`.

Used by `scripts/update-catalogues` (which adds new messages to each catalogue and drops old ones)
and by the test that every message has a translation in every catalogue. `unwrapped_text` finds
page text a template shows without wrapping it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2

from gcm_review.web.catalogues import Entry

WEB_DIR = Path(__file__).parent
TEMPLATES_DIR = WEB_DIR / "templates"
PYTHON_MARKERS = {"N_": 0, "translate": 1}  # function name -> position of the message argument
PLURAL_MARKERS = {"translate_plural": 1}  # function name -> position of the singular (then plural)
# Text a page may show as it is: the product's name.
VERBATIM = frozenset({"gcm-review"})
_JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.DOTALL)
_TRANS = re.compile(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", re.DOTALL)
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_LETTER = re.compile(r"[^\W\d_]")
_KEY = re.compile(r"<kbd>[^<]{1,3}</kbd>")  # a key to press ("a", "/") is no word to translate
_ENTITY = re.compile(r"&#?\w+;")


@dataclass(frozen=True)
class Message:
    """A message to translate (with its plural when it has one) and where it is written."""

    msgid: str
    msgid_plural: str | None
    where: str  # "templates/login.html:5"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    env.policies["ext.i18n.trimmed"] = True
    return env


def template_messages(templates_dir: Path = TEMPLATES_DIR) -> Iterator[Message]:
    """The messages of every template."""
    env = _environment()
    for path in sorted(templates_dir.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        for line, function, message in env.extract_translations(source):  # type: ignore[attr-defined]
            where = f"templates/{path.name}:{line}"
            # a tuple when the call has more arguments: None stands for each one not a literal
            strings = message if isinstance(message, tuple) else (message,)
            if function == "ngettext" and len(strings) > 1 and strings[0] and strings[1]:
                yield Message(str(strings[0]), str(strings[1]), where)
            elif function != "ngettext" and isinstance(strings[0], str):
                yield Message(strings[0], None, where)


def _called_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else ""


def _literal(call: ast.Call, position: int) -> str | None:
    if len(call.args) <= position:
        return None
    argument = call.args[position]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    return None


def python_messages(web_dir: Path = WEB_DIR) -> Iterator[Message]:
    """The messages of the web code: literal arguments of translate(), translate_plural() (its
    singular and plural) and N_()."""
    for path in sorted(web_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(web_dir).as_posix()}:{node.lineno}"
            name = _called_name(node)
            if name in PYTHON_MARKERS:
                message = _literal(node, PYTHON_MARKERS[name])
                if message is not None:
                    yield Message(message, None, where)
            elif name in PLURAL_MARKERS:
                singular = _literal(node, PLURAL_MARKERS[name])
                plural = _literal(node, PLURAL_MARKERS[name] + 1)
                if singular is not None and plural is not None:
                    yield Message(singular, plural, where)


def all_messages() -> dict[tuple[str, str | None], list[str]]:
    """(msgid, msgid_plural) -> where each is written, templates first, in file order."""
    found: dict[tuple[str, str | None], list[str]] = {}
    for message in (*template_messages(), *python_messages()):
        found.setdefault((message.msgid, message.msgid_plural), []).append(message.where)
    return found


def unwrapped_text(source: str) -> list[str]:
    """Text a template shows that no `_()` or `{% trans %}` wraps: text between tags, and the
    attributes people read (title, placeholder, aria-label, alt). Jinja string literals inside
    expressions are not looked at."""
    stripped = _ENTITY.sub(" ", _KEY.sub(" ", _JINJA.sub(" ", _TRANS.sub(" ", source))))
    pieces = [*_SHOWN_ATTRIBUTE.findall(stripped), *_TAG.split(stripped)]
    left = (" ".join(piece.split()) for piece in pieces)
    return [text for text in left if _LETTER.search(_without_verbatim(text))]


def _without_verbatim(text: str) -> str:
    for word in VERBATIM:
        text = text.replace(word, " ")
    return text


def po_text(
    entries: list[Entry],
    header: str,
    locations: Mapping[tuple[str, str | None], list[str]] | None = None,
) -> str:
    """A .po file of these entries after `header` (the msgid "" entry with its comments), each
    entry with the places it is written (`#:` lines) when `locations` has them."""
    blocks = [header.rstrip("\n")]
    for entry in entries:
        places = (locations or {}).get((entry.msgid, entry.msgid_plural), [])
        lines = [f"#: {' '.join(places)}"] if places else []
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.msgid_plural is None:
            lines.append(f"msgstr {_quote(entry.msgstr[0] if entry.msgstr else '')}")
        else:
            lines.append(f"msgid_plural {_quote(entry.msgid_plural)}")
            lines += [f"msgstr[{n}] {_quote(text)}" for n, text in enumerate(entry.msgstr)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
