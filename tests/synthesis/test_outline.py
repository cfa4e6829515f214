"""A conference record's outline: introduction, sessions speaker by speaker, annexes."""

from __future__ import annotations

from gcm_review.synthesis.outline import conference_outlines
from gcm_review.synthesis.outline_records import ConferenceOutline
from gcm_review.synthesis.records import DocumentInfo, ParagraphTag, ReviewParagraph, SectionInfo
from gcm_review.synthesis.stakeholders import stakeholder_inputs

OPENING = ("Conference sessions", "Opening session")
PLENARY = ("Conference sessions", "Plenary session 1: Statements by member States")
ROUNDTABLE = ("Conference sessions", "Roundtable 1: Review of objectives 2, 5 and 6")
ANNEX = ("Annex: Recommendations",)
STRONG = "He described the electronic work permit platform for migrant workers."


def _para(pid: int, section: tuple[str, ...], text: str, **fields: object) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid, document_id=1, document="record.txt", seq=pid, section=section, text=text, **fields
    )  # type: ignore[arg-type]


def _record() -> list[ReviewParagraph]:
    jordan = {
        "speaker": "Mr. Karim Haddad",
        "organisation": "Ministry of Labour",
        "country": "JOR",
        "stakeholder_group": "member-state",
    }
    return [
        _para(1, ("Introduction",), "The Conference was held in Tunis. It was hybrid. It ended."),
        _para(
            2,
            OPENING,
            "Ms. Lamia Chaker, Adviser at UN Women, welcomed participants.",
            speaker="Ms. Lamia Chaker",
            organisation="UN Women",
            stakeholder_group="un-entity",
        ),
        _para(
            3,
            PLENARY,
            "The session was chaired by Ms. Fatimetou Mint Ahmed, Director. "
            "Member States presented their reviews.",
        ),
        _para(
            4,
            PLENARY + ("Jordan",),
            "Mr. Karim Haddad, Director at the Ministry of Labour of "
            "Jordan, said that his country had adopted a strategy.",
            **jordan,
        ),
        _para(
            5,
            PLENARY + ("Jordan",),
            f"{STRONG} It reduced irregularity.",
            number="5",
            tags=(ParagraphTag("objective:6", 0.9, "model", "proposed", STRONG),),
            **jordan,
        ),
        _para(
            6,
            ROUNDTABLE,
            "The roundtable was moderated by Ms. Yasmine Harb, of ILO. Ms. Amira "
            "Daoud, of a ministry, presented a programme on skills.",
        ),
        _para(7, ROUNDTABLE, "Participants agreed that regular pathways should be expanded."),
        _para(
            8, ANNEX + ("To member States",), "Extend labour law to domestic workers.", number="a"
        ),
        _para(9, ANNEX + ("To member States",), "Abolish recruitment fees.", number="b"),
        _para(10, ANNEX + ("To employers",), "Apply due diligence.", number="c"),
    ]


def _outline() -> ConferenceOutline:
    sections = [
        SectionInfo(1, title, "session")
        for title in ("Introduction", OPENING[1], PLENARY[1], ROUNDTABLE[1], ANNEX[0])
    ]
    sections[3] = SectionInfo(1, ROUNDTABLE[1], "roundtable", (2, 5, 6))
    docs = [DocumentInfo(1, "record.txt", "Report of the conference", "en", 10)]
    (outline,) = conference_outlines(docs, sections, _record())
    return outline


def test_sessions_follow_the_record_in_order() -> None:
    outline = _outline()
    assert [(s.kind, s.title) for s in outline.sessions] == [
        ("opening", OPENING[1]),
        ("plenary", PLENARY[1]),
        ("roundtable", ROUNDTABLE[1]),
    ]
    assert [line.text for line in outline.introduction] == [
        "The Conference was held in Tunis.",
        "It was hybrid.",
    ]


def test_plenary_speakers_in_reported_speech_with_the_strongest_sentence() -> None:
    plenary = _outline().sessions[1]
    assert plenary.chair is not None and plenary.chair_role == "chair"
    assert plenary.chair.text.startswith("The session was chaired by Ms. Fatimetou Mint Ahmed")
    (haddad,) = plenary.speakers
    assert [(line.text, line.paragraph_id) for line in haddad.lines] == [
        (
            "The representative of Jordan, Mr. Karim Haddad, said that his country had adopted a "
            "strategy.",
            4,
        ),
        ("Mr. Karim Haddad described the electronic work permit platform for migrant workers.", 5),
    ]
    assert haddad.paragraph_ids == (4, 5) and haddad.objectives == (6,)
    assert [p.text for p in plenary.points] == ["Member States presented their reviews."]


def test_roundtable_has_its_moderator_speakers_points_and_objectives() -> None:
    roundtable = _outline().sessions[2]
    assert roundtable.chair_role == "moderator"
    assert [s.name for s in roundtable.speakers] == ["Ms. Amira Daoud"]
    assert roundtable.objectives == (2, 5, 6)
    assert [p.paragraph_id for p in roundtable.points] == [7]


def test_every_line_links_to_a_paragraph_of_its_session() -> None:
    for session in _outline().sessions:
        lines = [line for s in session.speakers for line in s.lines] + list(session.points)
        assert lines and all(line.paragraph_id in session.paragraph_ids for line in lines)


def test_annexes_keep_their_headings_and_numbers() -> None:
    (annex,) = _outline().annexes
    assert annex.title == "Annex: Recommendations"
    assert [(lst.heading, [(i.number, i.text) for i in lst.items]) for lst in annex.lists] == [
        (
            "To member States",
            [("a", "Extend labour law to domestic workers."), ("b", "Abolish recruitment fees.")],
        ),
        ("To employers", [("c", "Apply due diligence.")]),
    ]


def test_a_review_without_sessions_has_no_outline() -> None:
    docs = [DocumentInfo(1, "review.pdf", None, "en", 1)]
    sections = [SectionInfo(1, "Introduction", "chapter"), SectionInfo(1, "Annex", "annex")]
    assert conference_outlines(docs, sections, _record()) == ()


def test_stakeholder_inputs_by_group_and_speaker() -> None:
    (group,) = stakeholder_inputs(_record())
    assert group.group == "un-entity" and group.paragraph_ids == (2,)
    (speaker,) = group.speakers
    assert [line.text for line in speaker.lines] == [
        "The representative of UN Women, Ms. Lamia Chaker, welcomed participants."
    ]


def test_a_moderator_named_as_subject_one_speaker_named_twice_and_fragments() -> None:
    paras = [
        _para(1, ROUNDTABLE, "Dr. Amani Jack, Professor at a university, moderated the session."),
        _para(
            2, ROUNDTABLE, "Mr. Yousef Sultan Larem, of the Ministry, said that fees were banned."
        ),
        _para(3, ROUNDTABLE, "Mr. Larem also presented a shelter for victims of trafficking."),
        _para(4, ROUNDTABLE, "positive results of the shelter, cut by a page break."),
    ]
    docs = [DocumentInfo(1, "record.txt", None, "en", 4)]
    sections = [SectionInfo(1, ROUNDTABLE[1], "roundtable"), SectionInfo(1, OPENING[1], "session")]
    (outline,) = conference_outlines(docs, sections, paras)
    (session,) = outline.sessions
    assert session.chair is not None and session.chair_role == "moderator"
    assert session.chair.text.startswith("Dr. Amani Jack")
    assert [s.name for s in session.speakers] == ["Mr. Yousef Sultan Larem"]
    assert session.speakers[0].paragraph_ids == (2, 3)
    assert session.points == ()  # a fragment is not a point of its own


def test_an_arabic_record_is_outlined_and_quoted_after_an_english_subject() -> None:
    opening, roundtable = "الجلسة الافتتاحية", "المائدة المستديرة 2"
    paras = [
        _para(
            1,
            (opening,),
            "رحبت السيدة سلمى بن يوسف، وزيرة الشؤون الاجتماعية في تونس، بالمشاركين.",
            language="ar",
            speaker="السيدة سلمى بن يوسف",
            country="TUN",
            stakeholder_group="member-state",
        ),
        _para(
            2,
            (roundtable,),
            "أدارها السيد وليد قاسم، أستاذ القانون. وأكد المشاركون أهمية التعاون.",
            language="ar",
        ),
    ]
    docs = [DocumentInfo(1, "record.txt", None, "ar", 2)]
    sections = [SectionInfo(1, opening, "session"), SectionInfo(1, roundtable, "roundtable")]
    (outline,) = conference_outlines(docs, sections, paras)
    first, second = outline.sessions
    assert (first.kind, second.kind) == ("opening", "roundtable")
    (speaker,) = first.speakers
    assert speaker.lines[0].text.startswith(
        "The representative of Tunisia, السيدة سلمى بن يوسف, stated: “رحبت"
    )
    assert second.chair is not None and second.chair_role == "moderator"
    assert [p.text for p in second.points] == ["وأكد المشاركون أهمية التعاون."]
