"""Undo pypdfium2's faults in Arabic lines: swapped lam-alef ligatures and reordered LTR runs.

What pypdfium2 5.15 does to a right-to-left line (observed on PDFs made with fpdf2 + HarfBuzz
shaping in DejaVu Sans, and on the Arabic sample PDF of gcm_review.samples):

- every lam-alef ligature comes out alef first: "لا" as "ال", "لأ" as "أل", "لإ" as "إل",
  "لآ" as "آل" (the ligature glyph's two characters are reversed with the line);
- a run of several Latin words keeps its words but in reverse order
  ("United Nations Network" comes out "Network Nations United", "gcm-review" comes out
  "review-gcm"); single words, acronyms and plain numbers ("IOM", "2021", "1.6",
  "15/02/2021") come out right;
- punctuation that belongs after a number moves before it ("23:" as ":23", "35%" as "%35",
  "2021،" as "،2021", "1." as ".1"), ranges come out reversed ("11-18" as "18-11"), and
  parentheses come out mirrored ("(2)" as ")2(", "(IOM)" as ")IOM )");
- a tanween mark (U+064B...) sometimes leaves its letter and stands alone elsewhere on the
  line, or on a line of its own.

Lines where Latin letters outnumber Arabic ones are extracted left to right instead (the Arabic
words come out in reverse order); they are not touched here. Ambiguous swaps inside words
("ثالث" may be "ثلاث" or a genuine word) are fixed only for the words listed in
`_LAM_ALEF_WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.languages.script import (
    ARABIC_BASE_LETTERS,
    ARABIC_FATHATAN,
    ARABIC_HARAKAT,
    ARABIC_LETTERS,
    ARABIC_VOWEL_MARKS,
)

ARABIC_LAM_ALEF = "arabic-lam-alef"
ARABIC_BIDI_RUN = "arabic-bidi-run"
ARABIC_STRAY_MARK = "arabic-stray-mark"

_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ALEFS = "\u0627\u0623\u0625\u0622"  # ا أ إ آ
_LAM = "\u0644"
# Impossible in Arabic: alef then (alef-variant + lam), the trace of a swapped ligature.
_DOUBLE_ALEF = re.compile(f"\u0627[{_ALEFS}]{_LAM}")
_LAM_ALEF = re.compile(f"{_LAM}[{_ALEFS}](?!{_LAM})")
_ARABIC_WORD = re.compile(f"[{ARABIC_BASE_LETTERS}]+[{ARABIC_VOWEL_MARKS}]*")
_MARKS_ONLY = re.compile(f"[{ARABIC_HARAKAT}]+")
_MARKS = "".join(chr(code) for code in range(0x064B, 0x0660))
_PREFIXES = ("", "\u0648", "\u0641", "\u0628", "\u0643")  # none, و ف ب ك

# Frequent report words whose لا sits inside the word, where the swap cannot be told from a
# genuine "ال" without knowing the word.
_LAM_ALEF_WORDS = """
دولار دولارات تحويلات السلام الإسلام إسلام البلاد بلاد للبلاد علاوة ولاية الولايات
مجالات المجالات حالات الحالات اتصالات الاتصالات الإعلام إعلام إعلان الإعلان أخلاقي إطلاق
انطلاق لاجئ لاجئين لاجئون لاجئة لاجئات إلا أولا ملايين العملات عملات خلال لإعادة لإدارة لأن
لأي لإنشاء لأجل لإعداد لإطلاق لأغراض
"""


def _swap(word: str) -> str:
    """What pypdfium2 makes of `word`: each lam + alef pair reversed."""
    return re.sub(f"{_LAM}([{_ALEFS}])", lambda m: m.group(1) + _LAM, word)


def _faulty_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for word in _LAM_ALEF_WORDS.split():
        articles = ("",) if word.startswith(("ال", "ل")) else ("", "ال")
        for prefix in _PREFIXES:
            for article in articles:
                right = prefix + article + word
                forms[_swap(right)] = right
    return forms


_FAULTY_FORMS = _faulty_forms()


def is_mostly_arabic(text: str) -> bool:
    """True when Arabic letters are at least three and outnumber Latin letters."""
    arabic = len(_ARABIC_LETTER.findall(text))
    return arabic >= 3 and arabic > len(_LATIN_LETTER.findall(text))


def is_arabic_line(text: str) -> bool:
    """Mostly Arabic, or nothing but Arabic diacritics (a mark pypdfium2 put on its own line)."""
    stripped = text.strip()
    return is_mostly_arabic(text) or (_MARKS_ONLY.fullmatch(stripped) is not None)


def has_lam_alef_fault(texts: Iterable[str]) -> bool:
    """True when the (mostly Arabic, PDF) texts show swapped ligatures and no sound lam-alef."""
    impossible = 0
    sound = 0
    for text in texts:
        impossible += len(_DOUBLE_ALEF.findall(text))
        impossible += sum(1 for word in _ARABIC_WORD.findall(text) if word in ("ال", "وال"))
        sound += len(_LAM_ALEF.findall(text))
    return impossible > 0 and impossible >= sound


def _fix_word(word: str) -> str:
    letters = word.rstrip(_MARKS)
    marks = word[len(letters) :]
    if letters in _FAULTY_FORMS:
        return _FAULTY_FORMS[letters] + marks
    if letters in ("ال", "وال", "فال"):
        return letters[:-2] + "لا" + marks
    return _fix_letters(letters, tanween=marks.startswith(ARABIC_FATHATAN)) + marks


def _fix_letters(word: str, *, tanween: bool) -> str:
    fixed = _DOUBLE_ALEF.sub(lambda m: "ا" + _LAM + m.group()[1], word)
    for prefix in _PREFIXES:
        # article + word starting with لا: "اللاجئين" comes out "الالجئين";
        # lam + article before alef: "للاتفاق" comes out "لالتفاق"
        if fixed.startswith(prefix + "الال"):
            fixed = prefix + "اللا" + fixed[len(prefix) + 4 :]
            break
        if fixed.startswith(prefix + "لال") and len(fixed) > len(prefix) + 3:
            fixed = prefix + "للا" + fixed[len(prefix) + 3 :]
            break
    start = _stem_start(fixed)
    head, tail = fixed[:start], fixed[start:]
    # inside a word, "الل" is the trace of "لال" ("خلال" comes out "خالل")
    tail = tail[:1] + tail[1:].replace("الل", "لال")
    return head + _fix_ending(tail, tanween=tanween)


def _fix_ending(stem: str, *, tanween: bool) -> str:
    """Word endings where "ال" can only be a swapped "لا": "ـلاً" (the article never takes
    tanween), "ـلاء" ("إجلاء"), and the feminine plural "ـلات" of a stem of five letters or
    more ("حملات"; "قالت" is left alone)."""
    if len(stem) > 2 and stem.endswith("ال") and tanween:
        return stem[:-2] + "لا"
    if len(stem) > 3 and stem.endswith("الء"):
        return stem[:-3] + "لاء"
    if len(stem) >= 5 and stem.endswith("الت"):
        return stem[:-3] + "لات"
    return stem


def _stem_start(word: str) -> int:
    """Where the word proper starts after a prefix and the article (so "بالله" stays)."""
    for prefix in _PREFIXES[1:] + ("",):
        for article in ("ال", ""):
            head = prefix + article
            if head and word.startswith(head) and len(word) > len(head) + 1:
                return len(head)
    return 0


def fix_lam_alef(text: str) -> tuple[str, TextEdit | None]:
    """Swap back lam-alef pairs in `text`; one summary edit (words before and after, count)."""
    before: list[str] = []
    after: list[str] = []
    first: int | None = None
    pieces: list[str] = []
    position = 0
    for match in _ARABIC_WORD.finditer(text):
        fixed = _fix_word(match.group())
        if fixed == match.group():
            continue
        if first is None:
            first = match.start()
        before.append(match.group())
        after.append(fixed)
        pieces.append(text[position : match.start()])
        pieces.append(fixed)
        position = match.end()
    if first is None:
        return text, None
    pieces.append(text[position:])
    edit = TextEdit(ARABIC_LAM_ALEF, first, " ".join(before), " ".join(after), len(before))
    return "".join(pieces), edit


_LTR_WORD = r"[A-Za-z0-9][A-Za-z0-9.&'’/]*"
_LATIN_RUN = re.compile(rf"(?<![\w-]){_LTR_WORD}(?:[ -]{_LTR_WORD})+(?![\w-])", re.ASCII)
_RUN_PARTS = re.compile(r"[ -]")
_PUNCT_BEFORE_NUMBER = re.compile(r"(?<!\S)([:%،؛.,])(\d+(?:[.,/]\d+)*)(?!\S)")
_RANGE = re.compile(r"(?<![\d-])(\d+)-(\d+)(?![\d-])")
_PAREN = re.compile(r"[()]")


def _reverse_run(match: re.Match[str]) -> str:
    """Words of an LTR run back in order, with the separators between them ("review-gcm")."""
    run = match.group()
    if not _LATIN_LETTER.search(run):
        return run  # numbers: only ranges are reversed (see _RANGE)
    words = _RUN_PARTS.split(run)
    separators = _RUN_PARTS.findall(run)
    out = [words[-1]]
    for separator, word in zip(reversed(separators), reversed(words[:-1]), strict=True):
        out.extend((separator, word))
    return "".join(out)


def _unreverse_range(match: re.Match[str]) -> str:
    low, high = match.group(2), match.group(1)
    return f"{low}-{high}" if int(high) > int(low) else match.group()


def fix_bidi_runs(text: str) -> tuple[str, TextEdit | None]:
    """Put Latin runs, number punctuation, ranges and parentheses of an RTL line back in order.

    For a mostly Arabic line extracted by pypdfium2 (see the module docstring). One edit for the
    whole line: `removed` is the line before, `inserted` after, `count` the number of fixes.
    """
    count = 0
    fixed = text
    for pattern, replacement in (
        (_LATIN_RUN, _reverse_run),
        (_PUNCT_BEFORE_NUMBER, r"\2\1"),
        (_RANGE, _unreverse_range),
    ):
        fixed, changes = pattern.subn(replacement, fixed)
        count += changes
    fixed, changes = _fix_parentheses(fixed)
    count += changes
    if fixed == text:
        return text, None
    return fixed, TextEdit(ARABIC_BIDI_RUN, 0, text, fixed, count)


def _fix_parentheses(text: str) -> tuple[str, int]:
    """Turn the pairs that open with ")" back into "(...)".

    ")X(" is a mirrored pair; ")X )" or ")X)" with Latin X is a pair whose closing parenthesis
    came out right but whose opening one did not (the space before ")" belongs after it).
    """
    chars = list(text)
    positions = [match.start() for match in _PAREN.finditer(text)]
    depth = 0
    changes = 0
    index = 0
    while index < len(positions):
        here = positions[index]
        if chars[here] == "(":
            depth += 1
        elif depth > 0:
            depth -= 1
        elif index + 1 < len(positions):
            there = positions[index + 1]
            chars[here] = "("
            if chars[there] == ")" and chars[there - 1] == " " and there - 1 > here + 1:
                chars[there - 1], chars[there] = ")", " "
            else:
                chars[there] = ")"
            changes += 1
            index += 1
        index += 1
    return "".join(chars), changes


_STRAY_MARK = re.compile(rf"(?<!\S)[{ARABIC_HARAKAT}]+(?!\S)\s?")


def drop_stray_marks(text: str) -> tuple[str, TextEdit | None]:
    """Remove Arabic diacritics standing alone between spaces (pypdfium2 detaches some tanween
    marks from their letter and puts them elsewhere on the line or on a line of their own)."""
    marks = list(_STRAY_MARK.finditer(text))
    if not marks:
        return text, None
    removed = "".join(match.group() for match in marks)
    edit = TextEdit(ARABIC_STRAY_MARK, marks[0].start(), removed, "", len(marks))
    return _STRAY_MARK.sub("", text).rstrip(), edit
