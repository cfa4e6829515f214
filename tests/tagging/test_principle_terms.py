"""The guiding-principle term lists: defining phrases signal their principle in three languages,
and a topic merely near a principle does not."""

from __future__ import annotations

import math

import pytest

from gcm_review.frameworks import STRONG_WEIGHT, load_framework
from gcm_review.tagging.lexicon import compile_lexicon, lexicon_scores

SIGNALS = [
    ("gender-responsive", "The plan is gender-responsive and targets female migrant workers."),
    ("gender-responsive", "Le plan cible les travailleuses migrantes victimes de violence."),
    ("gender-responsive", "تستهدف الخطة العاملات المنزليات ضحايا العنف."),
    ("child-sensitive", "Each case is assessed in the best interests of the child."),
    ("child-sensitive", "Les mineurs non accompagnés sont confiés à un tuteur."),
    ("child-sensitive", "تُراعى المصلحة الفضلى للطفل في كل قرار."),
    ("whole-of-government", "An inter-ministerial committee steers the policy."),
    ("whole-of-government", "Un comité interministériel pilote la politique."),
    ("whole-of-government", "تشرف لجنة مشتركة بين الوزارات على السياسة."),
    ("whole-of-society", "The law was drafted with civil society and the private sector."),
    ("whole-of-society", "La loi a été rédigée avec les partenaires sociaux."),
    ("whole-of-society", "صيغ القانون بمشاركة القطاع الخاص والنقابات العمالية."),
    ("rule-of-law", "Migrants have access to justice and free legal aid."),
    ("rule-of-law", "Les migrants bénéficient d'une aide juridictionnelle et de voies de recours."),
    ("rule-of-law", "يحصل المهاجرون على المساعدة القانونية وسبل الانتصاف."),
    ("human-rights", "Care is provided regardless of migration status, without discrimination."),
    ("human-rights", "Les soins sont fournis quel que soit leur statut."),
    ("human-rights", "تقدم الرعاية بغض النظر عن وضعهم القانوني."),
    ("sustainable-development", "Remittance costs fall in line with the SDG target."),
    ("sustainable-development", "La stratégie relie la migration au Programme 2030."),
    ("sustainable-development", "ربطت الخطة الهجرة بأهداف التنمية المستدامة."),
    (
        "national-sovereignty",
        "It reaffirmed its sovereign right to determine its migration policy.",
    ),
    ("national-sovereignty", "L'État a rappelé son droit souverain en la matière."),
    ("national-sovereignty", "أكدت الدولة حقها السيادي في تحديد سياساتها."),
    ("international-cooperation", "The two States signed a memorandum of understanding."),
    ("international-cooperation", "Les deux pays ont signé un mémorandum d'accord."),
    ("international-cooperation", "وقعت الدولتان مذكرة تفاهم بشأن الهجرة."),
    ("people-centred", "The approach is people-centred and builds on migrants' voices."),
    ("people-centred", "L'approche est centrée sur la personne."),
    ("people-centred", "يتمحور النهج حول الإنسان ويراعي الاحتياجات الفردية."),
]


def principle_scores(text: str) -> dict[str, float]:
    found = lexicon_scores(text, compile_lexicon(load_framework()))
    return {
        label.removeprefix("principle:"): evidence.score
        for label, evidence in found.items()
        if label.startswith("principle:")
    }


@pytest.mark.parametrize(("key", "text"), SIGNALS)
def test_a_defining_phrase_signals_its_principle(key: str, text: str) -> None:
    assert principle_scores(text).get(key, 0.0) >= 1 - math.exp(-STRONG_WEIGHT) - 1e-9


def test_a_speaker_or_an_organisation_name_is_not_a_strong_signal() -> None:
    said = principle_scores("Civil society organizations said the session was useful.")
    assert said.get("whole-of-society", 0.0) < 1 - math.exp(-STRONG_WEIGHT)
    chaired = principle_scores("The session was chaired by the Regional Director of IOM.")
    assert "international-cooperation" not in chaired


def test_young_people_are_not_children() -> None:
    assert "child-sensitive" not in principle_scores("Young people leave rural areas for work.")
