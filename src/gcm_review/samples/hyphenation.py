"""Soft hyphens for the English sample PDF, so that fpdf2 hyphenates some words at line ends.

fpdf2 does not hyphenate by itself, but it breaks a line at a soft hyphen (U+00AD) and prints a
hyphen there. A small syllabified word list is enough: the sample PDF only needs some real
line-end hyphenation, not a complete hyphenator.
"""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"

_SYLLABIFIED = """
ac-com-mo-da-tion ad-min-is-tra-tive agree-ments al-ter-na-tives as-sis-tance
ben-e-fi-cia-ries bi-lat-er-al com-mit-tee com-mu-ni-ties com-plaints con-sul-ta-tions
con-su-lar co-or-di-na-tion co-or-di-nat-ed de-vel-op-ment dis-ag-gre-gat-ed dis-crim-i-na-tion
do-mes-tic em-ploy-ers em-ploy-ment en-force-ment en-ti-tle-ments es-tab-lished ex-pa-tri-ates
gov-ern-ment gov-ern-ance gov-er-no-rates har-mon-ized hu-man-i-tar-i-an im-ple-ment-ed
im-ple-ment-ing im-ple-men-ta-tion in-for-ma-tion in-spec-tions in-spec-tors in-sti-tu-tion-al
in-sti-tu-tions in-ter-min-is-te-ri-al in-ter-na-tion-al leg-is-la-tion mem-o-ran-dums
mi-gra-tion mi-grants mu-nic-i-pal-i-ties or-gan-i-za-tions par-tic-i-pa-tion par-tic-u-lar-ly
port-a-bil-i-ty pri-or-i-ties pro-ce-dures pro-gramme pro-grammes pro-tec-tion re-cruit-ment
rec-om-men-da-tions reg-is-tra-tion re-in-te-gra-tion re-mit-tances rep-re-sen-ta-tives
re-spon-sive sec-re-tar-i-at se-cu-ri-ty stake-hold-ers strength-ened strength-en-ing
sys-tem-at-ic-al-ly tech-ni-cal traf-fick-ing vol-un-tary vul-ner-a-bil-i-ties
vul-ner-a-ble work-ers
"""

_BREAKS: dict[str, str] = {
    word.replace("-", ""): word.replace("-", SOFT_HYPHEN) for word in _SYLLABIFIED.split()
}
_WORD = re.compile(r"[A-Za-z]+")


def add_soft_hyphens(text: str) -> str:
    """Return ``text`` with soft hyphens inside every word of the syllabified list."""
    return _WORD.sub(_hyphenate_word, text)


def _hyphenate_word(match: re.Match[str]) -> str:
    word = match.group(0)
    broken = _BREAKS.get(word.lower())
    if broken is None:
        return word
    # Keep the word's own capitals: copy the soft hyphens into the original spelling.
    result: list[str] = []
    letters = iter(word)
    for char in broken:
        result.append(char if char == SOFT_HYPHEN else next(letters))
    return "".join(result)
