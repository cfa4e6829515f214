"""Which letter strings are words: a small built-in report vocabulary plus the document's own words.

The built-in list holds common English and French words of migration and UN review reports. It
is not a dictionary: a word missing from it may still be known from the document itself, where
it appears intact elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_ENGLISH = """
a about above abroad absence academia academic access accountability achieve achieved
achievement achievements achieving across action actions activities activity actors adopt
adopted adoption advancing affairs after against agency agenda agreement agreements aid aimed
all also alternative alternatives among an analysis and annex annual any approach approaches
are area areas arrival as assessment assistance asylum at attention authorities available
awareness back background based basic be been before behind being benefits better between
bilateral border borders both building but by call called campaign campaigns capacities
capacity care case cases causes centre centres challenge challenges change chapter child
children cities citizens civil climate collaboration collection commission commitment
committee common communities community compact comprehensive concerns conditions conference
consular consultation consultations contents context continue contribution contributions
cooperation coordination could council countries country crisis cultural data decent
decision declaration delegation departments department deportation detention develop
developed developing development dialogue different digital director discrimination
discussed discussion displaced displacement diaspora document documentation documents
domestic drivers during economic economy education effective efforts emergency employers
employment enable encourage ensure ensuring entry environment equality establish established
establishing ethical evidence exchange executive expatriates experience experiences expert
experts exploitation facilitate facilitating fair families family financial first focal
following for foreign forum framework from fund funding further gaps gender general global
good governance government governments group groups guiding had has have he health her high
highlighted his host human humanitarian identity implementation implementing importance
important in including inclusion inclusive income increase information initiatives
institutions integration international introduction irregular is issues it its job jobs
justice key knowledge labour labor land language law laws league legal legislation lessons
level levels local long main management market measures mechanisms member members
message messages migrant migrants migrate migrating migration minister ministry mobility
national nationality needs network networks new not objective objectives of office on
opening opportunities or order orderly organization organizations organisation
organisations origin other outcome overview page pandemic paragraph paragraphs participation
particular partners partnership partnerships pathways people period persons place plan
plans platform plenary police policies policy political population portable positive
practices present presented principles priorities priority private process processes
programme programmes programs progress promote promoting protection provide providing public
quality recognition recommendations recovery recruitment refugees region regional
registration regular reintegration relevant remittances report reporting reports
representative representatives research resilience resources response responsible return
returnees returns review reviews rights risk role roundtable rule rural safe safety
scene school second security sector service services session sessions setting share should
situation skills smuggling social society solutions special specific stakeholder
stakeholders standards state statement states statistics status strategies strategy
strengthen strengthening structure such summary support survey sustainable synthesis system
systems table technical that the their them there these they this those through to towards
trafficking training transit two under understanding united up use various victims
violence voluntary vulnerabilities vulnerability vulnerable was we well were what when where
which while who whole with women work workers working world year years young youth
"""

_FRENCH = """
à au aux avec car ce cette ces chapitre comme conférence contenu dans de des du elle en et
enfants est être femmes il ils la le les leur leurs mais migrants migration migratoire
migratoires ne nous objectif objectifs ou où par pas pays plus politique politiques pour
qui réfugiés rapport régional régionale santé se session son sont sur travail
travailleurs un une y introduction développement coopération protection droits gouvernance
gouvernement gouvernements nationale nationales pacte mondial sûres ordonnées régulières
annexe examen séance table ronde recommandations organisation organisations internationale
"""

BUILT_IN_WORDS: frozenset[str] = frozenset(_ENGLISH.split()) | frozenset(_FRENCH.split())

WORD = re.compile(r"[^\W\d_]+")
_LARGE_TEXT = 1_000_000  # characters; past it, words are counted without listing them first


@dataclass(frozen=True)
class Vocabulary:
    """Known words: the built-in list and the counts of the document's own words (lowercase)."""

    built_in: frozenset[str] = BUILT_IN_WORDS
    counts: Counter[str] = field(default_factory=Counter)

    def is_word(self, text: str, *, min_count: int = 1) -> bool:
        """True when `text` is a built-in word or occurs at least `min_count` times in the document.

        Single letters count only when built in ("a", "à", "y").
        """
        lower = text.lower()
        if lower in self.built_in:
            return True
        return len(lower) > 1 and self.counts[lower] >= min_count

    def count(self, text: str) -> int:
        """How often the word occurs in the document, case folded."""
        return self.counts[text.lower()]


def document_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The built-in vocabulary plus every word found in `texts`, with its count.

    Counted text by text, so no joined copy of the document is held; a text past _LARGE_TEXT
    characters is counted word by word rather than through a list of all its words, so one huge
    paragraph costs about its own size in memory."""
    counts: Counter[str] = Counter()
    for text in texts:
        lowered = text.lower()
        if len(lowered) > _LARGE_TEXT:
            counts.update(match.group() for match in WORD.finditer(lowered))
        else:
            counts.update(WORD.findall(lowered))
    return Vocabulary(counts=counts)
