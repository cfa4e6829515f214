"""A country's short narrative: templated sentences around its strongest evidence, each linked.

The narrative says how much the country reported, then quotes the sentence behind each of its
best-evidenced objectives (most paragraphs first) and its first achievement and challenge not
quoted already. Every sentence ends with a link to the paragraph it quotes or counts.
"""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, plural
from gcm_review.report.sections.outline import directed, numbered
from gcm_review.synthesis.quotes import quote
from gcm_review.synthesis.records import CountryProfile, Statement, StatementType

STORY_OBJECTIVES = 3  # objectives quoted in a country's narrative
_STATEMENT_LEADS: dict[StatementType, str] = {
    "achievement": "Among the achievements reported:",
    "challenge": "Among the challenges and gaps reported:",
}


def narrative(look: Lookup, c: CountryProfile) -> list[d.Paragraph]:
    """The numbered paragraphs of a country's narrative (empty when it addressed nothing)."""
    if not c.objectives:
        return []
    label = look.words.label
    labels = plural(len(c.objectives), label, look.words.labels)
    count = plural(len(c.paragraph_ids), "paragraph")
    documents = plural(len(c.documents), "document")
    lead: list[d.Inline] = [
        d.Span(f"{c.name} addressed {labels} in {count} from {documents}. "),
        look.refs(c.paragraph_ids),
    ]
    strongest = sorted(
        (e for e in c.objectives if e.quoted_under is None),
        key=lambda e: (-len(e.paragraph_ids), e.objective),
    )[:STORY_OBJECTIVES]
    for evidence in strongest:
        name = look.words.numbered(evidence.objective)
        title = look.objective_title(evidence.objective)
        lead += [
            d.Span(f" On {name} ({title}): “"),
            directed(evidence.sentence),
            d.Span("” "),
            look.refs((evidence.paragraph_id,)),
        ]
    paragraphs = [numbered(lead)]
    quoted = {(e.paragraph_id, e.sentence) for e in strongest}
    statements: list[d.Inline] = []
    for kind, words in _STATEMENT_LEADS.items():
        found = [
            s for s in c.statements_of(kind) if (s.paragraph_id, quote(s.sentence)) not in quoted
        ]
        if found:
            statements += _statement(look, words, found[0], first=not statements)
    if statements:
        paragraphs.append(numbered(statements))
    return paragraphs


def _statement(look: Lookup, words: str, s: Statement, *, first: bool) -> list[d.Inline]:
    lead = f"{'' if first else ' '}{words} “"
    return [d.Span(lead), directed(quote(s.sentence)), d.Span("” "), look.refs((s.paragraph_id,))]
