"""Stakeholder group of a speaker, from the keywords of their title and organisation."""

from __future__ import annotations

import re

STAKEHOLDER_GROUPS = (
    "member-state",
    "un-entity",
    "civil-society",
    "academia",
    "nhri",
    "local-authority",
    "private-sector",
    "trade-union",
    "youth",
    "media",
)

_UN_ACRONYMS = (
    "IOM|UNICEF|UNFPA|WFP|IFAD|ILO|UNHCR|OHCHR|ESCWA|UNESCWA|UNDP|UNODC|UNESCO|WHO|UNRWA|UNEP"
    "|UN-Habitat|UNAIDS|UNCTAD|UNITAR|FAO|ECA|ECE|ESCAP|ECLAC|OIM|HCR|PNUD|HCDH|CESAO|OIT|PAM|FIDA"
)
# First match wins: the more specific groups come before the broad ones (a "network" of
# national human rights institutions is an NHRI, not civil society; the Major Group for
# Children and Youth is youth, though a United Nations body).
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (group, re.compile(pattern, re.IGNORECASE))
    for group, pattern in (
        (
            "youth",
            r"major group for children and youth|youth (?:organi[sz]ation|network|council|forum"
            r"|association|group|movement|parliament|representative|delegate|leader|envoy)"
            r"|(?:organi[sz]ation|network|council|forum|association|movement) (?:of|for) youth"
            r"|\byouth\b$|jeunesse|(?:منظم[ةه]|مجلس|شبك[ةه]|منتدى|جمعي[ةه]) الشباب",
        ),
        (
            "nhri",
            r"human rights? (?:institution|commission|council|centre|center)"
            r"|national (?:centre|center|commission|council|institution)s?"
            r" (?:for|of|on) human rights"
            r"|national human rights|ombuds(?:man|person)|défenseur des droits"
            r"|(?:commission|conseil|institution)s? nationale?s? des droits de l['’]homme"
            r"|(?:المجلس|المركز|اللجن[ةه]|المؤسس[ةه]|المؤسسات)\s+الوطني[ةه]?"
            r"\s+لحقوق ال[اإ]نسان|ديوان المظالم",
        ),
        (
            "trade-union",
            r"trade union|labou?r union|workers['’]? union|confederation of [\w\s]*workers"
            r"|federation of [\w\s]*(?:workers|trade unions)|public services international|\bITUC\b"
            r"|syndica|confédération générale du travail"
            r"|نقاب[ةه]|اتحاد العمال|الاتحاد العام للعمال",
        ),
        (
            "member-state",
            r"ministry|ministries|ministère|\bminist(?:er|re)\b|government|gouvernement|delegation"
            r"|délégation"
            r"|ambassad|embassy|ambassade|permanent mission|mission permanente"
            r"|secretary of state|state secretar|secrétaire d['’]état|secrétariat d['’]état"
            r"|national [\w\s]{0,30}(?:committee|commission|authority|agency|office|institute)"
            r" (?:for|of|on) (?:migration|statistics|labou?r|employment|expatriates)"
            r"|national (?:statistic(?:s|al)|migration) (?:institute|office|agency|authority)"
            r"|national [\w\s]{0,20}(?:migration|statistics) [\w\s]{0,20}committee"
            r"|regulatory authority|public authority"
            r"|\bconsul(?:ate|ar|s)?\b"
            r"|وزار[ةه]|وزير|سفير|سفار[ةه]|الحكوم[ةه]|حكوم[ةه]|وفد|البعث[ةه] الدائم[ةه]",
        ),
        (
            "local-authority",
            r"municipal|\bcity\b|\bcities\b|\bmayor|governorate|local authorit|local government"
            r"|\bcommune\b|\bmaire\b|\bville\b|بلدي[ةه]|محافظ[ةه]|عمد[ةه]|المجالس المحلي[ةه]",
        ),
        (
            "un-entity",
            rf"(?-i:\b(?:{_UN_ACRONYMS}|UN)\b)|United Nations|Nations Unies"
            r"|World Food Programme|International Fund for Agricultural Development"
            r"|World Health Organi[sz]ation|World Bank|International Monetary Fund"
            r"|International Labou?r Organi[sz]ation|International Organi[sz]ation for Migration"
            r"|Population Fund|High Commissioner|Organisation internationale pour les migrations"
            r"|الأمم المتحد[ةه]|الامم المتحد[ةه]|المنظم[ةه] الدولي[ةه] للهجر[ةه]|اليونيسف|الإسكوا",
        ),
        (
            "private-sector",
            r"chamber of commerce|\bcompan(?:y|ies)\b|employers|\bbusiness|corporat|private sector"
            r"|chambre de commerce|\bentreprise|patronat|(?-i:\b(?:Ltd|Inc)\b)"
            r"|غرف[ةه] التجار[ةه]|أصحاب العمل|اصحاب العمل|القطاع الخاص|شرك[ةه]",
        ),
        ("media", r"\bmedia\b|journalis|newspaper|television|\bradio\b|\bpress\b|médias|صحف|إعلام"),
        (
            "academia",
            r"universit|professor|professeur|researcher|chercheu|institute|institut|academ"
            r"|\bscholar|جامع[ةه]|أستاذ|استاذ|باحث|أكاديمي|معهد",
        ),
        (
            "civil-society",
            r"association|(?-i:\b(?:NGOs?|ONG)\b)|foundation|fondation|network|réseau|\bcent(?:re|er)\b"
            r"|civil society|société civile|solidarity|coalition|\bforum\b|organi[sz]ation|society"
            r"|جمعي[ةه]|منظم[ةه]|مؤسس[ةه]|شبك[ةه]|مركز|المجتمع المدني",
        ),
    )
)


def stakeholder_group(*descriptions: str | None) -> str | None:
    """The group a speaker belongs to, from their honorific, title and organisation.

    Returns one of STAKEHOLDER_GROUPS, or None when no keyword says.
    """
    text = " ".join(part for part in descriptions if part)
    if not text:
        return None
    for group, pattern in _RULES:
        if pattern.search(text):
            return group
    return None
