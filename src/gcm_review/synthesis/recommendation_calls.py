"""Whether a sentence is a call for action: the test a recommendation sentence must pass.

The statement classifier (`statements`) weighs every cue of a sentence, weak ones included
("required", "the importance of the role of ..."), and inside a recommendations section it reads
any description as a recommendation. A recommendation must say more: someone is asked to do
something. A sentence is a call when

- it carries a strong call cue: in English "should", "must", "need to", "the need for", "called
  for", "urged", "recommended", "it is essential to", "the importance of" followed by an action
  ("the importance of combating ...", not "the importance of the observatory"), "required"
  followed by an action; in French and Arabic, the classifier's recommendation cues, and in
  French "appeler (exhorter, inviter, encourager) X à" followed by a verb;
- or it opens with a verb of action, as a list item does ("Ensure ...", "Where detention is
  still used, facilitate ..."), or the classifier's own imperative opening in French and Arabic;
- or it is a one-sentence list item opening with an action noun ("Developing policies ...",
  "Improving ...").

A lead-in that ends with a colon ("Through investments in recovery:") is never a call. Items
of a list of the speaker's own priorities ("The Government retains the following priorities:")
are commitments: only a strong cue makes one of them a call.
"""

from __future__ import annotations

import re

from gcm_review.frameworks.references import References
from gcm_review.languages import detect_language, has_arabic_script
from gcm_review.synthesis.statement_cues import IMPERATIVES
from gcm_review.synthesis.statements import cue_scores, matching_form

# Cues that ask someone to act, on the matching form (casefolded, accents removed).
_STRONG_EN = re.compile(
    r"\b(?:should|must|ought to|needs? to|need for|needed(?! to\b)|(?:is|are|was|were) needed"
    r"|have to|has to|the need"
    r"|necessary to|necessity of|essential to|important to|crucial to|vital to|urgent to"
    r"|more important than ever|it is (?:necessary|essential|important|crucial|vital)"
    r"|(?<!as )call(?:s|ed|ing)? (?:for|on|upon)|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?"
    r"|(?:made|presented|outlined|put forward) (?:\w+ ){0,2}recommendations"
    r"|recommendations (?:also )?(?:focused|included|called|urged)"
    r"|encourag(?:e|es|ed|ing)|invit(?:e|es|ing)|invited \w+ to|appeal\w* (?:to|for)"
    r"|advocat\w+ for|(?:asked|requested) (?:that|for)|suggested that|proposed that|it is time to"
    r"|importance of (?:\w+\W+){0,4}?\w+ing|requir\w* \w+ing)\b"
)
# "appeler X à faire", "exhorter X à faire": the classifier knows only "a appelé à".
_CALL_FR = re.compile(r"\b(?:appel|exhort|invit|encourag)\w* (?:\w+ ){1,4}a \w+")
# Verbs that open an English list item, beyond the classifier's list of imperatives.
_MORE_VERBS = """accede adjust allow apply appoint assess assist avoid ban better bridge collect
    conclude conduct consult coordinate decriminalise decriminalize define deliver dismantle educate
    enable enact enforce equip evaluate expedite explore finance fund generate give grant halt help
    identify inform introduce issue launch legislate limit listen lower maintain make map monitor
    negotiate offer open organise organize pass permit plan prepare prohibit publish put reach
    recruit register regularise regularize regulate reimburse reinforce release replace respect
    restore safeguard secure set shape share speed stop streamline tackle target translate
    undertake upgrade"""
_VERBS_EN = frozenset(matching_form(IMPERATIVES["en"] + " " + _MORE_VERBS).split())
_VERBS = {lang: frozenset(matching_form(verbs).split()) for lang, verbs in IMPERATIVES.items()}
_OPENING_CLAUSE = re.compile(r"^(?:where|when|if|once|in order to|to)\b[^,]{3,160},\s*(\w+)")
_ITEM_NOUN = re.compile(r"^(?:the need|\w{3,}ing)\b")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦]+|\(?(?:[a-z]|[0-9]{1,3}|[ivx]{1,4})[.)])\s*")
_WORD = re.compile(r"\w+")


def is_call(
    sentence: str,
    language: str | None = None,
    *,
    item: bool = False,
    opening: bool = True,
    references: References | None = None,
) -> bool:
    """Whether the sentence asks someone to act (see the module docstring); `item`: the
    sentence is a whole list item (a paragraph of one sentence, or a bullet); `opening`: its
    opening words may make it a call (not in a list of the speaker's own priorities, where
    "Strengthen ..." or "extending ..." is a commitment)."""
    text = _BULLET.sub("", sentence, count=1).strip()
    if not text or text.rstrip(" )").endswith((":", "：")):
        return False
    form = matching_form(text)
    if _english(text, language):
        if _STRONG_EN.search(form):
            return True
        return opening and (_opens_with_verb(form) or item and bool(_ITEM_NOUN.match(form)))
    scores = cue_scores(text, language, references=references)
    if not opening:  # without the classifier's weight for an imperative opening
        imperative = _VERBS.get(language or "", frozenset())
        first = _WORD.findall(form)[:1]
        if first and first[0] in imperative:
            scores["recommendation"] = scores.get("recommendation", 0.0) - 1.5
    return scores.get("recommendation", 0.0) >= 1.0 or bool(_CALL_FR.search(form))


def _english(text: str, language: str | None) -> bool:
    if has_arabic_script(text):
        return False
    if language is not None:
        return language == "en"
    return detect_language(text) in (None, "en")


def _opens_with_verb(form: str) -> bool:
    """An English sentence opening with a verb of action, or with a clause and then one."""
    words = _WORD.findall(form)
    if words and words[0] in _VERBS_EN:
        return len(words) < 2 or words[1] not in ("of", "for", "from", "by", "is", "was", "are")
    clause = _OPENING_CLAUSE.match(form)
    return clause is not None and clause.group(1) in _VERBS_EN
