"""Find and remove PDF content-stream garbage that leaked into prose.

Broken PDFs sometimes leak pieces of their drawing instructions into the text layer: text
operators (TJ, Tj, ET, BT, Tf, Td, Tm, q, Q), kerning arrays "(de)9(sr)-3(ac)", parentheses
that do not pair up, bare numbers between word fragments, the same "(vial)" fragment over and
over. Each token gets a suspicion weight (see `token_weights`); a window of `WINDOW` tokens is
garbage when it holds two tokens of weight 3, or weighs at least `WINDOW_SCORE` with two tokens
of weight 2 or more. A run of such windows is trimmed to its clues (weight 2+), then extended
over neighbours while another suspicious token lies within `REACH` tokens (never past a word
ending a clause, such as "abroad,"; an unknown word only over short words), and removed whole.

Ordinary prose with numbers, abbreviations and parentheses ("(IOM)", "article 9 (2)", "Q&A",
"1.6 per cent") never reaches the thresholds: a single clue is not enough.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.vocabulary import Vocabulary

CONTENT_STREAM_GARBAGE = "content-stream-garbage"

WINDOW = 8
WINDOW_SCORE = 7
REACH = 2

_STRONG_OPERATORS_TEXT = "TJ Tj BT Tf Td TD Tm T* Tc Tw Tz TL Ts Tr BDC BMC EMC"
_WEAK_OPERATORS_TEXT = "ET Q q re cm gs Do rg RG cs CS sc scn SC SCN"
_STRONG_OPERATORS = frozenset(_STRONG_OPERATORS_TEXT.split())
_WEAK_OPERATORS = frozenset(_WEAK_OPERATORS_TEXT.split())
_KERNING = re.compile(r"\([^()\s]{0,12}\)-?\d|\)-?\d+(?:\.\d+)?\(")
_CHAINED_OPERATORS = re.compile(r"(?:T[JjfdmcwzL*]|ET|BT)(?:T[JjfdmcwzL*]|ET|BT|Q|q|re|cm|-?\d|\()")
_GLUED_KERNING = re.compile(r"(?<=[^\W\d_])(?=\([^()\s]{1,12}\)-?\d)")
_TOKEN = re.compile(r"\S+")
_PAREN = re.compile(r"[()]")
_LONE_GROUP = re.compile(r"(?<!\S)\([^()\s]{1,15}\)(?!\S)")
_STRONG_OPERATOR_WORD = re.compile(
    r"(?<!\S)(?:"
    + "|".join(re.escape(op) for op in sorted(_STRONG_OPERATORS))
    + r")(?!\S)|"
    + _CHAINED_OPERATORS.pattern
)
_INTEGER = re.compile(r"\d{1,4}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GROUP = re.compile(r"\([^()\s]{1,15}\)")
_LIST_MARKER = re.compile(r"(?:[a-z]|[ivx]{1,4}|\d{1,2})\)")
_BEFORE_NUMBER_TEXT = """
    objective objectives article articles paragraph paragraphs para page pages chapter
    annex session sessions roundtable section goal goals target targets resolution over
    nearly about some than around approximately least almost only and or to of from by no.
    nos. n° total top"""
_NUMBER_CONTEXT_BEFORE = frozenset(_BEFORE_NUMBER_TEXT.split())
_AFTER_NUMBER_TEXT = """
    per percent % billion million thousand years year months days countries states
    members people persons migrants"""
_NUMBER_CONTEXT_AFTER = frozenset(_AFTER_NUMBER_TEXT.split())
_LIST_LEAD = (";", ":", ",")
_CLAUSE_END = re.compile(r"[^\W\d_]{2,}[,;:]")


@dataclass(frozen=True)
class Token:
    """A whitespace-separated piece of text (a glued kerning array is split off its word)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split at whitespace, and between a word and a kerning array glued to it."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        cuts = [0, *(cut.start() for cut in _GLUED_KERNING.finditer(piece)), len(piece)]
        for begin, end in zip(cuts, cuts[1:], strict=False):
            if end > begin:
                tokens.append(Token(piece[begin:end], match.start() + begin, match.start() + end))
    return tokens


def _orphans(tokens: list[Token]) -> tuple[set[int], set[int]]:
    """Indices of tokens with a ")" that closes nothing, and with a "(" never closed."""
    closes: set[int] = set()
    open_at: list[int] = []
    for index, token in enumerate(tokens):
        for char in token.text:
            if char == "(":
                open_at.append(index)
            elif char == ")":
                if open_at:
                    open_at.pop()
                else:
                    closes.add(index)
    return closes, set(open_at)


def _number_weight(tokens: list[Token], index: int) -> int:
    """1 for a bare integer that is not a year and has no counting word next to it."""
    text = tokens[index].text
    if not _INTEGER.fullmatch(text) or _YEAR.fullmatch(text):
        return 0
    before = tokens[index - 1].text.lower() if index > 0 else ""
    after = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    if before in _NUMBER_CONTEXT_BEFORE or after.rstrip(".,;") in _NUMBER_CONTEXT_AFTER:
        return 0
    return 1


def _word_weight(text: str, *, vocabulary: Vocabulary, local: Counter[str]) -> int:
    """1 for a lowercase word found nowhere else in the document; 1 for odd single letters."""
    if len(text) == 1 and text.isalpha() and text.isascii():
        return 0 if text in "aAIiyoe" else 1
    if len(text) >= 3 and text.isalpha() and text.islower():
        outside = vocabulary.count(text) - local[text]
        return 0 if text in vocabulary.built_in or outside > 0 else 1
    return 0


def token_weights(tokens: list[Token], *, vocabulary: Vocabulary) -> list[int]:
    """Suspicion weight of each token (0 clean, 1 a weak clue, 2 a clue, 3 near certain)."""
    closes, unclosed = _orphans(tokens)
    groups = Counter(token.text for token in tokens if _GROUP.fullmatch(token.text))
    local = Counter(token.text for token in tokens)
    weights: list[int] = []
    for index, token in enumerate(tokens):
        text = token.text
        if text in _STRONG_OPERATORS or _KERNING.search(text) or _CHAINED_OPERATORS.search(text):
            weights.append(3)
        elif index in closes:
            lead = tokens[index - 1].text.endswith(_LIST_LEAD) if index > 0 else True
            marker = _LIST_MARKER.fullmatch(text) is not None
            weights.append(0 if marker and lead else 2)
        elif index in unclosed or groups[text] >= 2:
            weights.append(2)
        elif text in _WEAK_OPERATORS:
            weights.append(1)
        elif _GROUP.fullmatch(text):
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            weights.append(1 if _INTEGER.fullmatch(following) else 0)
        else:
            number = _number_weight(tokens, index)
            weights.append(number or _word_weight(text, vocabulary=vocabulary, local=local))
    return weights


def _window_is_garbage(weights: list[int]) -> bool:
    strong = sum(1 for weight in weights if weight >= 3)
    clues = sum(1 for weight in weights if weight >= 2)
    return strong >= 2 or (sum(weights) >= WINDOW_SCORE and clues >= 2)


def _flagged_spans(weights: list[int]) -> list[tuple[int, int]]:
    """Token spans [first, last] between the clues (weight 2+) of garbage windows, merged."""
    spans: list[tuple[int, int]] = []
    for start in range(max(1, len(weights) - WINDOW + 1)):
        window = weights[start : start + WINDOW]
        if not _window_is_garbage(window):
            continue
        first = start + next(i for i, weight in enumerate(window) if weight >= 2)
        last = start + max(i for i, weight in enumerate(window) if weight >= 2)
        if spans and first <= spans[-1][1] + REACH + 1:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def _is_barrier(token: Token) -> bool:
    """A word ending a clause ("abroad," "needs;"): prose, which garbage runs do not cross."""
    return _CLAUSE_END.fullmatch(token.text) is not None


def _reachable(order: range, weights: list[int], tokens: list[Token]) -> int | None:
    """First suspicious token along `order` (at most REACH + 1 steps), not past a barrier.

    An unknown word is reached only over short words ("at", "the"): a rare but real word
    in the prose next to a run must not pull the run over it.
    """
    passed_long_word = False
    for index in order:
        text = tokens[index].text
        if weights[index]:
            lexical = text.isalpha() and len(text) >= 3
            if not (lexical and passed_long_word):
                return index
        if _is_barrier(tokens[index]):
            return None
        passed_long_word = passed_long_word or len(text) > 3
    return None


def _extend(span: tuple[int, int], weights: list[int], tokens: list[Token]) -> tuple[int, int]:
    """Grow a span over neighbours while a suspicious token lies within REACH tokens."""
    first, last = span
    while True:
        left = range(first - 1, max(-1, first - REACH - 2), -1)
        found = _reachable(left, weights, tokens)
        if found is None:
            break
        first = found
    while True:
        right = range(last + 1, min(len(weights), last + REACH + 2))
        found = _reachable(right, weights, tokens)
        if found is None:
            break
        last = found
    return first, last


def _may_hold_garbage(text: str) -> bool:
    """Cheap test: can `text` hold a token of weight 2 or more at all?"""
    if _STRONG_OPERATOR_WORD.search(text) or _KERNING.search(text):
        return True
    depth = 0
    for paren in _PAREN.findall(text):
        depth += 1 if paren == "(" else -1
        if depth < 0:
            return True
    if depth:
        return True
    groups = _LONE_GROUP.findall(text)
    return len(groups) != len(set(groups))


def find_garbage(text: str, *, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """Character spans (start, end) of content-stream garbage runs in `text`."""
    if not _may_hold_garbage(text):
        return []
    tokens = tokenize(text)
    if len(tokens) < 2:
        return []
    weights = token_weights(tokens, vocabulary=vocabulary)
    spans: list[tuple[int, int]] = []
    for span in _flagged_spans(weights):
        first, last = _extend(span, weights, tokens)
        if spans and tokens[first].start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], tokens[last].end))
        else:
            spans.append((tokens[first].start, tokens[last].end))
    return spans


def remove_garbage(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    """Remove every garbage run with the whitespace that separated it from the prose.

    Each edit's offset is in the text as it was just before that edit (runs are removed from
    the end backwards, so offsets also hold in the original text).
    """
    edits: list[TextEdit] = []
    for start, end in reversed(find_garbage(text, vocabulary=vocabulary)):
        glued = start > 0 and not text[start - 1].isspace()
        if end < len(text) and not glued:
            while end < len(text) and text[end].isspace():
                end += 1
        elif end == len(text):
            while start > 0 and text[start - 1].isspace():
                start -= 1
        edits.append(TextEdit(CONTENT_STREAM_GARBAGE, start, text[start:end]))
        text = text[:start] + text[end:]
    return text, edits
