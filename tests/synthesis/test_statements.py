"""The statement-type classifier: sentences in three languages, sections, paragraphs, objectives."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.synthesis.records import ParagraphTag, ReviewParagraph
from gcm_review.synthesis.statements import (
    classify_sentence,
    cue_scores,
    in_recommendation_section,
    matching_form,
    paragraph_statements,
    paragraph_type,
)

MINI = Path(__file__).parents[1] / "frameworks" / "data" / "mini.toml"

SENTENCES = [
    (
        "en",
        "achievement",
        "In 2023 the Ministry of Labour launched an online work permit platform.",
    ),
    ("en", "achievement", "The country has reduced the cost of remittances by half since 2020."),
    ("en", "challenge", "The lack of data on return migration remains a major obstacle."),
    ("en", "challenge", "Domestic workers are still excluded from the labour code."),
    ("en", "commitment", "The Government will adopt a labour migration strategy in 2025."),
    ("en", "commitment", "Improving consular services is a priority for the coming years."),
    ("en", "recommendation", "States should end the detention of migrant children."),
    ("en", "recommendation", "Participants called for predictable funding of national plans."),
    ("en", "recommendation", "Strengthen the collection of data disaggregated by sex and age."),
    ("en", "description", "Most migrants in the country work in construction and agriculture."),
    ("en", "procedural", "The session was chaired by the Minister of Social Affairs."),
    ("en", "procedural", "All documents of the meeting are available on the website."),
    ("fr", "achievement", "Le Maroc a adopté une loi sur le travail domestique en 2022."),
    ("fr", "achievement", "La campagne de régularisation a permis de régulariser 27 000 migrants."),
    ("fr", "challenge", "Le manque de moyens des collectivités locales reste un défi majeur."),
    ("fr", "commitment", "Le gouvernement s'engage à étendre la protection sociale aux migrants."),
    ("fr", "commitment", "Le ministère prévoit d'ouvrir trois centres d'information en 2025."),
    ("fr", "recommendation", "Les États devraient ratifier la convention n° 189 de l'OIT."),
    ("fr", "recommendation", "Il faut garantir l'accès aux soins de tous les migrants."),
    ("fr", "recommendation", "Renforcer la coopération régionale pour le sauvetage en mer."),
    ("fr", "description", "Le Maroc est un pays d'origine, de transit et de destination."),
    ("fr", "procedural", "La séance était présidée par la ministre déléguée."),
    ("ar", "achievement", "أطلقت وزارة العمل منصة إلكترونية لتصاريح العمل."),
    ("ar", "achievement", "تم إنشاء لجنة وطنية لمكافحة الاتجار بالبشر."),
    ("ar", "challenge", "يواجه العمال المهاجرون تحديات كبيرة بسبب نقص المعلومات."),
    ("ar", "commitment", "تلتزم الحكومة بتوسيع الحماية الاجتماعية لتشمل العمال المهاجرين."),
    ("ar", "commitment", "ستعمل الوزارة على إطلاق حملة توعية في العام المقبل."),
    ("ar", "recommendation", "ينبغي للدول إنهاء احتجاز الأطفال المهاجرين."),
    ("ar", "recommendation", "توصي الشبكة بضرورة إشراك السلطات المحلية."),
    ("ar", "recommendation", "تعزيز جمع البيانات المصنفة حسب الجنس والعمر."),
    ("ar", "description", "تعد مصر بلد منشأ وعبور ومقصد للمهاجرين."),
    ("ar", "procedural", "ترأس الجلسة وزير الدولة للشؤون الاجتماعية."),
]


@pytest.mark.parametrize(("language", "expected", "sentence"), SENTENCES)
def test_each_type_in_each_language(language: str, expected: str, sentence: str) -> None:
    assert classify_sentence(sentence, language) == expected


@pytest.mark.parametrize(("language", "expected", "sentence"), SENTENCES)
def test_the_language_can_be_left_out(language: str, expected: str, sentence: str) -> None:
    assert classify_sentence(sentence) == expected


def test_french_is_matched_with_or_without_accents() -> None:
    accented = "La séance a été présidée par la ministre et l'ordre du jour a été adopté."
    plain = "La seance a ete presidee par la ministre et l'ordre du jour a ete adopte."
    assert classify_sentence(accented, "fr") == classify_sentence(plain, "fr") == "procedural"
    assert classify_sentence("Le réseau préconise la création d'un observatoire.", "fr") == (
        "recommendation"
    )
    assert classify_sentence("Le reseau preconise la creation d'un observatoire.", "fr") == (
        "recommendation"
    )


def test_arabic_is_matched_on_folded_text() -> None:
    # Diacritics, tatweel and hamza forms do not change the reading.
    assert classify_sentence("اعْتَمَدَتْ الحكومةُ قانوناً جديداً للعمالة المنزلية.", "ar") == "achievement"
    assert classify_sentence("وأطلقت الوزارة برنامجا لإعادة الإدماج.", "ar") == "achievement"
    assert classify_sentence("يـجـب ضمان وصول المهاجرين إلى العدالة.", "ar") == "recommendation"
    assert matching_form("أولوية") == matching_form("اولويه")


def test_a_verb_cue_does_not_match_a_noun_with_a_preposition() -> None:
    # "بحث" (research) must not read as "حث" (urged) with the preposition ب.
    assert cue_scores("أجرى المركز بحثا عن الهجرة الدائرية.", "ar").get("recommendation") is None


def test_imperative_bullets_are_recommendations_but_noun_openings_are_not() -> None:
    assert classify_sentence("- Ensure access to justice for all migrant workers;", "en") == (
        "recommendation"
    )
    assert classify_sentence("(b) Develop alternatives to detention.", "en") == "recommendation"
    assert classify_sentence("Support for returnees is provided by the municipality.", "en") != (
        "recommendation"
    )


def test_a_negated_achievement_is_a_challenge() -> None:
    assert classify_sentence("It has not yet ratified the convention.", "en") == "challenge"
    assert classify_sentence("Le pays n'a pas encore ratifié la convention.", "fr") == "challenge"


def test_reported_plans_are_commitments() -> None:
    sentence = "The delegate said that his country would host the next regional meeting."
    assert classify_sentence(sentence, "en") == "commitment"


def test_political_will_is_not_a_commitment() -> None:
    assert classify_sentence("Political will is needed to reform the sponsorship system.") == (
        "recommendation"
    )
    assert classify_sentence("The region has shown political will on migration.", "en") != (
        "commitment"
    )


def test_recommendation_section_turns_descriptions_and_commitments_into_recommendations() -> None:
    description = "Access to justice for migrant workers in all sectors."
    assert classify_sentence(description, "en") == "description"
    assert classify_sentence(description, "en", in_recommendation_section=True) == "recommendation"
    commitment = "Governments will consult trade unions on labour migration policy."
    assert classify_sentence(commitment, "en", in_recommendation_section=True) == "recommendation"
    procedural = "The session was chaired by the representative of IOM."
    assert classify_sentence(procedural, "en", in_recommendation_section=True) == "procedural"
    challenge = "The lack of data remains a serious gap."
    assert classify_sentence(challenge, "en", in_recommendation_section=True) == "challenge"


def _paragraph(
    text: str,
    *,
    section: tuple[str, ...] = (),
    language: str | None = "en",
    tags: tuple[ParagraphTag, ...] = (),
) -> ReviewParagraph:
    return ReviewParagraph(
        id=7,
        document_id=1,
        document="review.txt",
        seq=3,
        text=text,
        section=section,
        language=language,
        tags=tags,
    )


@pytest.mark.parametrize(
    ("section", "language"),
    [
        (("Annex I", "Recommendations of the consultation"), "en"),
        (("Recommandations",), "fr"),
        (("المرفق", "التوصيات"), "ar"),
    ],
)
def test_any_heading_naming_recommendations_sets_the_section_rule(
    section: tuple[str, ...], language: str
) -> None:
    paragraph = _paragraph("Access to justice for migrant workers.", section=section)
    assert in_recommendation_section(paragraph)
    assert [s.type for s in paragraph_statements(paragraph)] == ["recommendation"]


def test_other_sections_do_not_set_the_rule() -> None:
    paragraph = _paragraph("Access to justice for migrant workers.", section=("Introduction",))
    assert not in_recommendation_section(paragraph)
    assert [s.type for s in paragraph_statements(paragraph)] == ["description"]


def _tag(label: str, sentence: str | None = None) -> ParagraphTag:
    return ParagraphTag(label, 0.9, "model", "proposed", sentence)


FIRST = "Jordan opened two shelters for migrant domestic workers in 2023."
SECOND = "Recruitment fees charged to workers remain a challenge."
THIRD = "The session was chaired by the Minister of Labour."


def test_statements_take_the_objectives_their_evidence_points_at() -> None:
    paragraph = _paragraph(
        f"{FIRST} {SECOND} {THIRD}",
        tags=(_tag("objective:7", FIRST), _tag("objective:6", SECOND), _tag("principle:gender")),
    )
    statements = paragraph_statements(paragraph)
    assert [(s.sentence, s.type, s.objectives) for s in statements] == [
        (FIRST, "achievement", (7,)),
        (SECOND, "challenge", (6,)),
        (THIRD, "procedural", ()),
    ]
    assert all(s.paragraph_id == 7 for s in statements)


def test_a_tag_pointing_at_an_unknown_sentence_gives_no_objective() -> None:
    paragraph = _paragraph(
        f"{FIRST} {SECOND}",
        tags=(_tag("objective:7", FIRST), _tag("objective:10", "A sentence from elsewhere.")),
    )
    assert [s.objectives for s in paragraph_statements(paragraph)] == [(7,), ()]


def test_without_sentence_evidence_every_substantive_sentence_gets_all_objectives() -> None:
    paragraph = _paragraph(
        f"{FIRST} {SECOND} {THIRD}",
        tags=(_tag("objective:7"), _tag("objective:6", "Not one of this paragraph's sentences.")),
    )
    assert [s.objectives for s in paragraph_statements(paragraph)] == [(6, 7), (6, 7), ()]


def test_arabic_paragraph_statements() -> None:
    first = "أطلقت مصر استراتيجية وطنية لمكافحة الاتجار بالبشر."
    second = "ولا يزال نقص التمويل يمثل تحديا كبيرا."
    paragraph = _paragraph(f"{first} {second}", language="ar", tags=(_tag("objective:10", first),))
    statements = paragraph_statements(paragraph)
    assert [(s.sentence, s.type, s.objectives) for s in statements] == [
        (first, "achievement", (10,)),
        (second, "challenge", ()),
    ]


def test_paragraph_type_is_procedural_only_when_nothing_substantive_follows() -> None:
    assert paragraph_type(f"{THIRD} The agenda was adopted without amendment.", "en") == (
        "procedural"
    )
    assert paragraph_type(f"{THIRD} Participants called for fair recruitment.", "en") == (
        "recommendation"
    )


def test_paragraph_type_takes_the_most_frequent_substantive_type() -> None:
    text = (
        "The ministry launched a hotline in 2022. It also opened three shelters. "
        "Funding remains insufficient."
    )
    assert paragraph_type(text, "en") == "achievement"


def test_paragraph_type_breaks_ties_toward_recommendation_then_challenge() -> None:
    assert paragraph_type(f"{FIRST} {SECOND}", "en") == "challenge"
    assert paragraph_type(f"{SECOND} States should cap recruitment fees.", "en") == (
        "recommendation"
    )
    assert paragraph_type(f"{FIRST} The ministry will open a third shelter in 2025.") == (
        "commitment"
    )


def test_paragraph_type_of_plain_text_is_description() -> None:
    assert paragraph_type("Egypt is a country of origin, transit and destination.") == (
        "description"
    )
    assert paragraph_type("") == "description"


@pytest.mark.parametrize(
    "sentence",
    ["Goal 3 calls for paved roads.", "The Mini Compact calls for paved roads."],
)
def test_quoting_the_framework_is_no_recommendation(sentence: str) -> None:
    gcm_words = sentence.replace("Goal", "Objective").replace("Mini Compact", "Compact")
    assert classify_sentence(gcm_words, "en") != "recommendation"  # the default framework, GCM
    assert classify_sentence(sentence, "en") == "recommendation"  # "goal" quotes nothing there
    mini = load_framework(str(MINI)).references
    assert classify_sentence(sentence, "en", references=mini) != "recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "C. Plenary session 2: Reports by member States 31-40 12",
        "Roundtable 3: Review of objectives 5, 6 and 18",
        "12. Mr. Karim Haddad, Director of Consular Affairs at the Ministry of Foreign",
    ],
)
def test_labels_and_cut_lines_are_procedural(text: str) -> None:
    assert paragraph_type(text, "en") == "procedural"


def test_a_cut_line_that_makes_a_recommendation_stays_one() -> None:
    assert paragraph_type("Ensure that migrant domestic workers can keep their", "en") == (
        "recommendation"
    )


def test_a_chaired_session_with_one_line_on_its_content_is_procedural() -> None:
    text = (
        "- 14. The session was chaired by the Deputy Minister of Labour. Delegations reviewed "
        "the measures they had taken since 2022. A summary of the statements follows:"
    )
    assert paragraph_type(text, "en") == "procedural"
    called = "- 15. The floor was opened for questions. Participants called for free recruitment."
    assert paragraph_type(called, "en") == "recommendation"


@pytest.mark.parametrize(
    "sentence",
    [
        "- Developing bilateral agreements that protect the wages of seasonal workers.",
        "Strengthening consular services for nationals abroad, especially in times of crisis.",
        "Where children are held in immigration detention, release them into family care;",
        "If a worker loses their job, allow them to stay while they look for another one.",
    ],
)
def test_gerund_and_conditional_imperatives_are_recommendations(sentence: str) -> None:
    assert classify_sentence(sentence, "en") == "recommendation"


@pytest.mark.parametrize(
    "sentence",
    [
        "Developing countries receive most of the remittances sent from the region.",
        "Improving migration data remains a priority for the coming two years.",
    ],
)
def test_an_ing_subject_is_no_imperative(sentence: str) -> None:
    assert classify_sentence(sentence, "en") != "recommendation"


def test_holding_a_meeting_is_procedural() -> None:
    sentence = "The ministry and the statistics office held a consultation with employers."
    assert classify_sentence(sentence, "en") == "procedural"


def test_a_website_a_ministry_opened_is_no_procedure() -> None:
    sentence = (
        "The ministry opened a telephone line and a website where migrants learn their rights."
    )
    assert classify_sentence(sentence, "en") == "achievement"
    papers = "Conference documents and presentations are available on the website of the office."
    assert classify_sentence(papers, "en") == "procedural"
