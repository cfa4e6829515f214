"""The structure stage end to end on small documents written here."""

from __future__ import annotations

from gcm_review.model import Block, Paragraph, RepairedDocument, SourceDocument, StructuredDocument
from gcm_review.structure import structure


def build(*blocks: Block | str, metadata_title: str | None = None) -> StructuredDocument:
    made = tuple(block if isinstance(block, Block) else Block(text=block) for block in blocks)
    source = SourceDocument(
        path="memory.txt",
        name="memory.txt",
        sha256="0" * 64,
        format="text",
        blocks=made,
        metadata_title=metadata_title,
    )
    return structure(RepairedDocument(source=source, blocks=made, repairs=()))


def numbered(doc: StructuredDocument, number: str) -> Paragraph:
    return next(paragraph for paragraph in doc.paragraphs if paragraph.number == number)


ENGLISH = (
    "Summary report",
    "Western Asia review of the migration compact,",
    "Contents",
    "\t\tParagraphs\tPage",
    "I.\tOverview\t1-3\t2",
    "II.\tSessions\t4-9\t3",
    "1. The regional office of the network, the commission and the partner agencies of the",
    "I. Overview",
    "2. The meeting was held online over two days and gathered sixty participants from the region.",
    "A. Plenary session 1: Reports by member States",
    "1. Oman",
    (
        "3. Mr. Said Amer, Director of Planning at the Ministry of Labour, described reforms of "
        "the work permit."
    ),
    "and new inspections of recruitment agencies. He noted that Bahrain had adopted a similar law.",
    "2. Qatar",
    "4. Ms. Huda Saleh, Adviser at the Qatari Ministry of Labour, said that wages were protected.",
    "labour inspections and complaint systems. She added that a shelter had opened.",
    "- 3. Roundtable 1: Review of objectives 5, 6 and 22 of the Global Compact for Migration",
    (
        "- 5. Ms. Lina Farah, Regional Adviser at UNICEF, called for child protection under "
        "objective 7."
    ),
    "- led to more funding gaps in the region. She added that donors had been generous.",
    "Annex I",
    "Recommendations of the stakeholders",
    "- Better data on returnees and their families.",
    "- Wider access to health care for all migrants.",
)


def test_title_contents_and_sections() -> None:
    doc = build(*ENGLISH)
    assert doc.title == "Summary report – Western Asia review of the migration compact"
    assert doc.language == "en"
    kinds = [(section.kind, section.title) for section in doc.sections]
    assert kinds[:4] == [
        ("chapter", "Overview"),
        ("lettered", "Plenary session 1: Reports by member States"),
        ("country", "Oman"),
        ("country", "Qatar"),
    ]
    assert ("annex", "Annex I") in kinds
    contents = [p for p in doc.paragraphs if p.kind == "contents"]
    assert len(contents) == 4
    assert all(p.section == () for p in contents)


def test_numbers_kinds_and_sections_of_paragraphs() -> None:
    doc = build(*ENGLISH)
    assert [p.number for p in doc.paragraphs if p.number] == ["1", "2", "3", "4", "5"]
    first = numbered(doc, "1")
    assert first.kind == "paragraph" and first.section == ()
    assert numbered(doc, "3").section == (
        "Overview",
        "Plenary session 1: Reports by member States",
        "Oman",
    )
    assert numbered(doc, "5").section[-1].startswith("Roundtable 1")
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    bullets = [p for p in doc.paragraphs if p.kind == "bullet"]
    assert len(bullets) == 2 and all(not p.text.startswith("-") for p in bullets)


def test_attribution_across_sections_and_fragments() -> None:
    doc = build(*ENGLISH)
    index = {p.number: p.index for p in doc.paragraphs if p.number}
    after_three = doc.paragraphs[index["3"] + 1]
    after_four = doc.paragraphs[index["4"] + 1]
    after_five = doc.paragraphs[index["5"] + 1]
    assert numbered(doc, "3").attribution.country == "OMN"
    assert after_three.kind == "fragment" and after_three.attribution.country == "BHR"
    assert after_three.attribution.speaker is None
    assert numbered(doc, "4").attribution.country == "QAT"
    assert after_four.attribution.speaker == "Ms. Huda Saleh"
    assert numbered(doc, "5").attribution.stakeholder_group == "un-entity"
    assert after_five.kind == "fragment"  # a stray dash before lower case is no bullet
    assert after_five.attribution.speaker == "Ms. Lina Farah"  # "She" continues Ms. Farah


def test_objective_refs_own_and_from_headings() -> None:
    doc = build(*ENGLISH)
    five = numbered(doc, "5")
    assert five.objective_refs == (7,)
    assert five.section_objective_refs == (5, 6, 22)
    assert five.all_objective_refs == (5, 6, 7, 22)
    roundtable = [p for p in doc.paragraphs if p.section and p.section[-1].startswith("Roundtable")]
    assert len(roundtable) == 2
    assert all(p.section_objective_refs == (5, 6, 22) for p in roundtable)
    after_annex = [p for p in doc.paragraphs if p.section[:1] == ("Annex I",)]
    assert after_annex and all(p.section_objective_refs == () for p in after_annex)


def test_format_headings_list_items_and_pages() -> None:
    doc = build(
        Block("Review of the region", page=1, kind="heading", level=1),
        Block("Findings", page=1, kind="heading", level=2),
        Block(
            "Member States shared national plans and their first results.",
            page=1,
            kind="list_item",
            label="12.",
        ),
        Block("Skills", page=2, kind="heading", level=3),
        Block("recognition of diplomas", page=2, kind="list_item", label="a)"),
        Block("Data", page=2, kind="heading", level=2),
        Block("More data is needed on all migrant workers in the region.", page=3),
    )
    assert doc.title == "Review of the region"
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Findings", 2),
        ("Skills", 3),
        ("Data", 2),
    ]
    first, item, last = doc.paragraphs
    assert (first.number, first.kind, first.page, first.section) == (
        "12",
        "paragraph",
        1,
        ("Findings",),
    )
    assert (item.number, item.kind, item.section) == ("a", "bullet", ("Findings", "Skills"))
    assert (last.page, last.section) == (3, ("Data",))


def test_metadata_title_is_preferred() -> None:
    doc = build(
        "Draft",
        "1. The meeting opened with a minute of silence for the victims.",
        metadata_title="Regional review",
    )
    assert doc.title == "Regional review"


def test_french_document() -> None:
    doc = build(
        "Rapport de la réunion régionale",
        "I. Principaux messages",
        "1. Maroc",
        (
            "5. M. Karim Benali, directeur au ministère de l'Intérieur, a souligné les progrès de "
            "l'objectif 23."
        ),
        "Table ronde 2 : examen des objectifs 4, 8 et 9",
        (
            "6. Mme Sophie Martin, représentante de l'OIM, a présenté les résultats de l'enquête "
            "régionale."
        ),
    )
    assert doc.language == "fr"
    five, six = numbered(doc, "5"), numbered(doc, "6")
    assert five.language == "fr"
    assert (five.attribution.country, five.attribution.stakeholder_group) == ("MAR", "member-state")
    assert five.objective_refs == (23,)
    assert six.section_objective_refs == (4, 8, 9)
    assert six.attribution.stakeholder_group == "un-entity"


def test_arabic_document() -> None:
    doc = build(
        "تقرير الاجتماع الإقليمي",
        "أولاً: الرسائل الرئيسية",
        "١. العراق",
        (
            "٢٣. استعرضت السيدة ريم خليل، وزيرة الهجرة والمهجرين، التقدم المحرز في تنفيذ الهدف ١٧ "
            "والأهداف ٤ و٨."
        ),
        "المائدة المستديرة الثانية: استعراض الأهداف 9 و10",
        "٢٤. أكد السيد محمد الراشد، مدير في وزارة العمل الأردنية، أهمية البيانات.",
    )
    assert doc.language == "ar"
    assert [s.kind for s in doc.sections] == ["chapter", "country", "roundtable"]
    first, second = numbered(doc, "23"), numbered(doc, "24")
    assert first.attribution.speaker == "السيدة ريم خليل"
    assert first.attribution.country == "IRQ"
    assert first.objective_refs == (4, 8, 17)
    assert second.attribution.country == "JOR"
    assert second.section_objective_refs == (9, 10)


def test_empty_and_blank_blocks() -> None:
    doc = build()
    assert (doc.title, doc.language, doc.sections, doc.paragraphs) == (None, None, (), ())
    assert build("   ", "\n").paragraphs == ()


def test_bare_numbers_are_not_paragraphs() -> None:
    doc = build("Notes", "1.", "The next page was missing from the copy that we received.")
    assert [p.number for p in doc.paragraphs] == [None]


def test_sessions_that_cannot_be_placed_are_reported() -> None:
    doc = build(
        "Summary report",
        "- 2. Roundtable 2: Review of objectives 5, 6 and 22 of the Global Compact for Migration",
        "- 5. Mr. Omar Nasser, Adviser at the Ministry of Labour of Jordan, said that work permits "
        "were issued online.",
        "- 4. Roundtable 4: Review of objectives 1, 3 and 23 of the Global Compact for Migration",
        "9. Ms. Rana Aziz, Regional Director of the regional office, stressed the importance of "
        "the conference for the region and thanked the participants.",
    )
    problems = doc.repaired.source.problems
    assert any("roundtable 1 " in problem for problem in problems)
    assert any("roundtable 3 " in problem and "Roundtable 2" in problem for problem in problems)
    assert any(
        problem.startswith("Paragraph 9 speaks of the whole meeting") for problem in problems
    )
    closing = numbered(doc, "9")
    assert closing.section == () and closing.section_objective_refs == ()
    assert numbered(doc, "5").section[-1].startswith("Roundtable 2")


def test_an_unplaced_continuation_is_reported_and_left_unattributed() -> None:
    doc = build(
        "Summary report",
        "1. Libya",
        "3. Mr. Issam Omar, Director at the Libyan Ministry of Foreign Affairs, described reforms.",
        "programme for women. She concluded by stressing the importance of registration.",
    )
    fragment = doc.paragraphs[-1]
    assert fragment.kind == "fragment"
    assert fragment.attribution.country is None
    assert any("left unattributed" in problem for problem in doc.repaired.source.problems)
