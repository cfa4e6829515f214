"""What the fictional stakeholder survey asks and how its invented answers are spread: labels
in English, French and Arabic, shares of each stakeholder group, chances of each answer."""

from __future__ import annotations

Labels = tuple[str, str, str]  # English, French, Arabic

STAKEHOLDERS: tuple[tuple[str, str, Labels, float, float], ...] = (
    # name, LimeSurvey code, labels, share of respondents, survey weight
    ("government", "GOV", ("Government", "Gouvernement", "الحكومة"), 0.25, 0.8),
    (
        "un",
        "UN",
        ("United Nations entity", "Entité des Nations Unies", "كيان تابع للأمم المتحدة"),
        0.10,
        1.2,
    ),
    (
        "civil_society",
        "CSO",
        (
            "Civil society organisation",
            "Organisation de la société civile",
            "منظمة من منظمات المجتمع المدني",
        ),
        0.25,
        0.9,
    ),
    (
        "academia",
        "ACA",
        (
            "Academia or research",
            "Milieu universitaire ou recherche",
            "الأوساط الأكاديمية أو البحثية",
        ),
        0.10,
        1.1,
    ),
    ("private_sector", "PRI", ("Private sector", "Secteur privé", "القطاع الخاص"), 0.07, 1.5),
    ("trade_union", "TU", ("Trade union", "Syndicat", "نقابة عمالية"), 0.06, 1.4),
    (
        "migrant_diaspora",
        "MIG",
        (
            "Migrant or diaspora organisation",
            "Organisation de migrants ou de la diaspora",
            "منظمة للمهاجرين أو للمغتربين",
        ),
        0.10,
        1.2,
    ),
    ("youth", "YTH", ("Youth organisation", "Organisation de jeunesse", "منظمة شبابية"), 0.07, 1.3),
)
COUNTRIES: tuple[tuple[str, Labels], ...] = (
    ("jordan", ("Jordan", "Jordanie", "الأردن")),
    ("morocco", ("Morocco", "Maroc", "المغرب")),
    ("egypt", ("Egypt", "Égypte", "مصر")),
    ("tunisia", ("Tunisia", "Tunisie", "تونس")),
    ("lebanon", ("Lebanon", "Liban", "لبنان")),
    ("iraq", ("Iraq", "Irak", "العراق")),
    ("sudan", ("Sudan", "Soudan", "السودان")),
    ("other", ("Another country", "Autre pays", "بلد آخر")),
)
PARTICIPATION: tuple[tuple[str, str, Labels, float], ...] = (
    (
        "national",
        "NAT",
        ("National consultation only", "Consultation nationale uniquement", "المشاورة الوطنية فقط"),
        0.22,
    ),
    (
        "regional",
        "REG",
        (
            "Regional consultation only",
            "Consultation régionale uniquement",
            "المشاورة الإقليمية فقط",
        ),
        0.12,
    ),
    ("both", "BOTH", ("Both", "Les deux", "كلتاهما"), 0.16),
    ("neither", "NONE", ("Neither", "Ni l'une ni l'autre", "لا هذه ولا تلك"), 0.44),
    ("dont_know", "DK", ("Don't know", "Ne sait pas", "لا أعرف"), 0.06),
)
USEFULNESS: tuple[tuple[str, Labels], ...] = (
    ("very_useful", ("Very useful", "Très utile", "مفيدة جدا")),
    ("somewhat_useful", ("Somewhat useful", "Assez utile", "مفيدة إلى حد ما")),
    ("not_useful", ("Not useful", "Pas utile", "غير مفيدة")),
    ("dont_know", ("Don't know", "Ne sait pas", "لا أعرف")),
)
APPLICATION: tuple[tuple[str, str, Labels], ...] = (
    ("well_applied", "A1", ("Well applied", "Bien appliqué", "مطبق بشكل جيد")),
    ("partially_applied", "A2", ("Partially applied", "Partiellement appliqué", "مطبق جزئيا")),
    (
        "needs_improvement",
        "A3",
        (
            "Needs further improvement",
            "Nécessite des améliorations supplémentaires",
            "يحتاج إلى مزيد من التحسين",
        ),
    ),
    ("dont_know", "DK", ("Don't know", "Ne sait pas", "لا أعرف")),
)
# Chance of "needs further improvement" per principle (else well / partially / don't know).
IMPROVEMENT_CHANCE = {
    "people-centred": 0.64,
    "international-cooperation": 0.62,
    "national-sovereignty": 0.55,
    "rule-of-law": 0.66,
    "sustainable-development": 0.61,
    "human-rights": 0.68,
    "gender-responsive": 0.67,
    "child-sensitive": 0.58,
    "whole-of-government": 0.65,
    "whole-of-society": 0.72,
}
# How often each objective is picked as a priority (relative).
OBJECTIVE_APPEAL = {
    1: 6,
    2: 5,
    3: 2,
    4: 3,
    5: 7,
    6: 6,
    7: 8,
    8: 2,
    9: 2,
    10: 3,
    11: 2,
    12: 1,
    13: 4,
    14: 2,
    15: 7,
    16: 5,
    17: 4,
    18: 3,
    19: 3,
    20: 2,
    21: 3,
    22: 2,
    23: 4,
}
CHANGES = (
    "Involve migrant associations in the national coordination mechanism from the start.",
    "Publish migration data disaggregated by sex and age every year.",
    "Give local authorities a budget line for the inclusion of migrants.",
    "Hold the regional consultation online as well, with interpretation into Arabic.",
    "End the detention of children for immigration reasons.",
    "Associer les syndicats à l'élaboration des politiques de migration de main-d'œuvre.",
    "Simplifier les procédures de régularisation pour les travailleuses domestiques.",
    "Renforcer la coopération consulaire entre les pays de la région.",
    "إشراك منظمات المغتربين في صياغة الخطط الوطنية.",
    "توفير مسارات نظامية للهجرة من أجل العمل.",
    "تحسين جمع البيانات عن العمال المهاجرين.",
    "ضمان حصول جميع المهاجرين على الخدمات الصحية الأساسية.",
)
QUESTION_LABELS: dict[str, Labels] = {
    "stakeholder_group": (
        "Which kind of organisation do you represent?",
        "Quel type d'organisation représentez-vous ?",
        "ما نوع الجهة التي تمثلها؟",
    ),
    "country": (
        "In which country do you mainly work?",
        "Dans quel pays travaillez-vous principalement ?",
        "في أي بلد تعمل أساسا؟",
    ),
    "consultation_participation": (
        "Did you take part in the national or regional GCM review consultations?",
        "Avez-vous participé aux consultations nationales ou régionales d'examen du Pacte ?",
        "هل شاركت في المشاورات الوطنية أو الإقليمية لاستعراض الاتفاق العالمي؟",
    ),
    "regional_useful": (
        "How useful was the regional consultation for your organisation?",
        "Quelle a été l'utilité de la consultation régionale pour votre organisation ?",
        "ما مدى فائدة المشاورة الإقليمية لمنظمتك؟",
    ),
    "principles": ("Guiding principles", "Principes directeurs", "المبادئ التوجيهية"),
    "priority_objectives": (
        "Which GCM objectives should be given priority in the coming years? (up to five)",
        "Quels objectifs du Pacte devraient être prioritaires dans les années à venir ? "
        "(cinq au plus)",
        "ما أهداف الاتفاق العالمي التي ينبغي إعطاؤها الأولوية في السنوات المقبلة؟ "
        "(خمسة على الأكثر)",
    ),
    "years_migration": (
        "For how many years have you worked on migration?",
        "Depuis combien d'années travaillez-vous sur les migrations ?",
        "منذ كم سنة تعمل في مجال الهجرة؟",
    ),
    "what_should_change": (
        "What should change to implement the GCM better?",
        "Que faudrait-il changer pour mieux mettre en œuvre le Pacte ?",
        "ما الذي ينبغي تغييره لتحسين تنفيذ الاتفاق العالمي؟",
    ),
}
REGIONAL_RELEVANT = (
    "${consultation_participation} = 'regional' or selected(${consultation_participation}, 'both')"
)
