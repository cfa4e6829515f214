"""The outline of each conference record: introduction, sessions speaker by speaker, annexes.

A paragraph belongs to the session of the deepest heading above it that has a kind
(`sessions.paragraph_session`). Inside a session, each sentence that opens with a person
("Mr. X, Director of ..., said ...") starts that person's turn; a sentence opening with "He" or
"She" continues it, and so do the sentences after it in its paragraph and a paragraph the
structure stage gives the same speaker; "The session was chaired by ..." names the chair or
moderator; any other sentence is a point of the session ("Participants agreed that ..."). A turn
becomes the opening sentence in reported speech and, when another sentence carries a stronger
objective tag, that one too (`reported_speech`). Annexes keep their own sub-headings and item
numbers, whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gcm_review.languages import clean_text
from gcm_review.structure.countries import country_name
from gcm_review.structure.speakers import parse_person, split_sentences
from gcm_review.synthesis.outline_records import (
    AnnexList,
    ConferenceOutline,
    Line,
    RecordAnnex,
    Role,
    SessionSummary,
    SpeakerSummary,
)
from gcm_review.synthesis.quotes import quote
from gcm_review.synthesis.records import DocumentInfo, ReviewParagraph, SectionInfo
from gcm_review.synthesis.reported_speech import Voice, reported
from gcm_review.synthesis.sessions import SessionKind, is_conference_record, paragraph_session

_CHAIRED_BY = re.compile(
    r"\b(?:was|were|is)\s+(?:co-)?(?:chaired|moderated|facilitated|presided(?:\s+over)?|led)\s+by\s"
    r"|\b(?:présidée?s?|animée?s?|modérée?s?)\s+par\s|(?:برئاس[ةه]|أدارها|أدارتها|ادارها)\s",
    re.IGNORECASE,
)
_MODERATOR = re.compile(r"moderat|facilitat|anim|modér|أدار", re.IGNORECASE)
_CONTINUES = re.compile(r"^(?:He|She|They|Il|Elle|Ils|Elles)\s")
_INTRODUCTION_SENTENCES = 2
MEETING_KINDS: tuple[SessionKind, ...] = ("opening", "plenary", "roundtable", "closing")


def conference_outlines(
    documents: Sequence[DocumentInfo],
    sections: Sequence[SectionInfo],
    paragraphs: Sequence[ReviewParagraph],
) -> tuple[ConferenceOutline, ...]:
    """The outline of each document whose headings make it a conference record."""
    outlines = []
    for doc in documents:
        headings = [s for s in sections if s.document_id == doc.id]
        if doc.copy_of or not is_conference_record(s.title for s in headings):
            continue
        own = [p for p in paragraphs if p.document_id == doc.id]
        outlines.append(_outline(doc, headings, own))
    return tuple(outlines)


def _outline(
    doc: DocumentInfo, headings: Sequence[SectionInfo], paragraphs: Sequence[ReviewParagraph]
) -> ConferenceOutline:
    groups: dict[tuple[str, ...], tuple[SessionKind, list[ReviewParagraph]]] = {}
    for para in paragraphs:
        found = paragraph_session(para.section)
        if found is not None:
            depth, kind = found
            groups.setdefault(para.section[: depth + 1], (kind, []))[1].append(para)
    refs = {s.title: s.objective_refs for s in headings}
    introduction: list[Line] = []
    sessions: list[SessionSummary] = []
    annexes: list[RecordAnnex] = []
    for path, (kind, paras) in groups.items():
        if kind == "introduction":
            introduction += [line for p in paras for line in _introduction_lines(p)]
        elif kind == "annex":
            annexes.append(_annex(path, paras))
        elif kind in MEETING_KINDS:
            sessions.append(_session(kind, path[-1], paras, refs.get(path[-1], ())))
    return ConferenceOutline(
        doc.name, doc.id, doc.title, tuple(introduction), tuple(sessions), tuple(annexes)
    )


def _introduction_lines(para: ReviewParagraph) -> list[Line]:
    sentences = split_sentences(clean_text(para.text))[:_INTRODUCTION_SENTENCES]
    return [Line(quote(s), para.id, para.objectives, para.number) for s in sentences]


def _annex(path: tuple[str, ...], paras: Sequence[ReviewParagraph]) -> RecordAnnex:
    lists: dict[str, list[Line]] = {}
    for para in paras:
        heading = " – ".join(para.section[len(path) :])
        lists.setdefault(heading, []).append(
            Line(clean_text(para.text), para.id, para.objectives, para.number)
        )
    return RecordAnnex(
        path[-1],
        tuple(AnnexList(heading, tuple(items)) for heading, items in lists.items()),
        tuple(p.id for p in paras),
    )


@dataclass
class _Turn:
    """A speaker's sentences in a session, gathered in order."""

    name: str
    voice: Voice
    source: ReviewParagraph | None  # the paragraph whose attribution fields describe the speaker
    sentences: list[tuple[ReviewParagraph, str]] = field(default_factory=list)


def _session(
    kind: SessionKind, title: str, paras: Sequence[ReviewParagraph], objectives: tuple[int, ...]
) -> SessionSummary:
    turns: dict[str, _Turn] = {}
    points: list[Line] = []
    chair: tuple[Line, Role] | None = None
    current: _Turn | None = None
    for para in paras:
        # a paragraph the structure stage gives the current speaker continues their turn
        in_turn = current is not None and _same_person(current.name, para.speaker)
        for sentence in split_sentences(clean_text(para.text)):
            if _CHAIRED_BY.search(sentence) and chair is None:
                role: Role = "moderator" if _MODERATOR.search(sentence) else "chair"
                chair = (Line(quote(sentence), para.id), role)
                continue
            person = parse_person(sentence)
            if person is not None and person.chairs and chair is None:  # "Dr. X moderated ..."
                role = "moderator" if _MODERATOR.search(sentence) else "chair"
                chair = (Line(quote(sentence), para.id), role)
                continue
            if person is not None and person.speaker and not person.chairs:
                current = _turn(turns, person.speaker, para)
            elif current is None or not (_CONTINUES.match(sentence) or in_turn):
                fragment = sentence[:1].islower()  # a piece of a paragraph cut by a page break
                if not fragment and not any(point.paragraph_id == para.id for point in points):
                    points.append(Line(quote(sentence, paragraph=para.text), para.id))
                current = None
                continue
            in_turn = True
            current.sentences.append((para, sentence))
    addressed = sorted({n for p in paras for n in p.objectives})
    return SessionSummary(
        kind=kind,
        title=title,
        paragraph_ids=tuple(p.id for p in paras),
        chair=chair[0] if chair else None,
        chair_role=chair[1] if chair else None,
        speakers=tuple(_speaker(turn) for turn in turns.values() if turn.sentences),
        points=tuple(points),
        objectives=objectives,
        addressed=tuple(addressed),
    )


def speaker_sentences(para: ReviewParagraph, name: str | None) -> list[str]:
    """The sentences of a paragraph that the named person speaks: from the one that introduces
    them to the one that introduces someone else (all of them when none introduces them)."""
    sentences = split_sentences(clean_text(para.text))
    if not name:
        return sentences
    people = [parse_person(s) for s in sentences]
    starts = [i for i, p in enumerate(people) if p and _same_person(name, p.speaker)]
    if not starts:
        return sentences
    own: list[str] = []
    for sentence, person in zip(sentences[starts[0] :], people[starts[0] :], strict=True):
        if own and person is not None and not _same_person(name, person.speaker):
            break
        own.append(sentence)
    return own


def _same_person(name: str, speaker: str | None) -> bool:
    return bool(speaker) and (name == speaker or name.split()[-1] in (speaker or "").split())


def _turn(turns: dict[str, _Turn], name: str, para: ReviewParagraph) -> _Turn:
    """The person's turn in the session ("Mr. Larem" is "Mr. Yousef Sultan Larem"), else a new
    one."""
    for turn in turns.values():
        if _same_person(name, turn.name) or _same_person(turn.name, name):
            return turn
    return turns.setdefault(name, _new_turn(name, para))


def _new_turn(name: str, para: ReviewParagraph) -> _Turn:
    """A turn; the paragraph's attribution describes the speaker when it names the same person."""
    if not _same_person(name, para.speaker):
        return _Turn(name, Voice(name=name), None)
    country = country_name(para.country) if para.country and para.is_member_state else None
    voice = Voice(name, country, para.organisation, para.stakeholder_group)
    return _Turn(name, voice, para)


def _speaker(turn: _Turn) -> SpeakerSummary:
    return speaker_summary(turn.name, turn.voice, turn.sentences, turn.source)


def speaker_summary(
    name: str | None,
    voice: Voice,
    sentences: Sequence[tuple[ReviewParagraph, str]],
    source: ReviewParagraph | None,
) -> SpeakerSummary:
    """The speaker's opening sentence in reported speech, then the sentence an objective tag
    points at most strongly when it is another one (a written submission: that one only)."""
    first_para, first = sentences[0]
    strongest = _strongest(sentences)
    lines = []
    if not (voice.written and strongest is not None):
        text = reported(first, voice, paragraph=first_para.text, language=first_para.language)
        lines.append(Line(text, first_para.id))
    if strongest is not None and strongest[1] != first:
        para, sentence = strongest
        again = voice if voice.written or not name else Voice(name=name)
        text = reported(sentence, again, paragraph=para.text, language=para.language)
        lines.append(Line(text, para.id))
    paras = {p.id: p for p, _ in sentences}
    return SpeakerSummary(
        name=name,
        title=source.speaker_title if source else None,
        organisation=source.organisation if source else None,
        country=source.country if source else None,
        stakeholder_group=source.stakeholder_group if source else None,
        lines=tuple(lines),
        paragraph_ids=tuple(paras),
        objectives=tuple(sorted({n for p in paras.values() for n in p.objectives})),
    )


def _strongest(
    sentences: Sequence[tuple[ReviewParagraph, str]],
) -> tuple[ReviewParagraph, str] | None:
    """The sentence an objective tag points at with the highest probability, if any does."""
    best: tuple[float, ReviewParagraph, str] | None = None
    for para, sentence in sentences:
        if sentence[:1].islower():
            continue  # a piece of a sentence cut by a page break: not quotable on its own
        for tag in para.tags:
            if not (tag.label.startswith("objective:") and tag.sentence):
                continue
            evidence = clean_text(tag.sentence)
            if (evidence in sentence or sentence in evidence) and (
                best is None or tag.probability > best[0]
            ):
                best = (tag.probability, para, sentence)
    return (best[1], best[2]) if best else None
