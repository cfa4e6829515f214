"""Read a speaker's introduction: title, organisation and country.

", Head of the Agreements Department at the Jordanian Ministry of Labour," gives title "Head of
the Agreements Department", organisation "Ministry of Labour", country JOR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.structure.countries import CountryMention, find_countries

_ORGANISATION_WORDS = re.compile(
    r"\b(?:Ministry|Ministère|Department|Directorate|Office|Organi[sz]ations?|Fund|Programme"
    r"|Program|Group|Network|Centre|Center|Council|Commission|Confederation|Federation|Union"
    r"|Association|University|Institute|Agency|Bank|Chamber|Foundation|Committee|Municipality"
    r"|municipality|Delegation|delegation|Government|Society|Forum|Coalition|Nations|Secretariat"
    r"|League|Observatory|Authority|Mission|Embassy|Unies|Fondation|Réseau|Université)\b"
    r"|(?-i:\b(?:UN|IOM|UNICEF|UNFPA|WFP|IFAD|ILO|UNHCR|OHCHR|ESCWA|UNDP|OIM)\b)"
    r"|وزار[ةه]|منظم[ةه]|هيئ[ةه]|مجلس|لجن[ةه]|جمعي[ةه]|مؤسس[ةه]|مركز|شبك[ةه]|جامع[ةه]|اتحاد|بلدي[ةه]"
    r"|صندوق|برنامج|مكتب|مفوضي[ةه]|الأمم المتحد[ةه]"
)
# "at the Jordanian Ministry", "à l'OIM", "auprès du Ministère", "في وزارة العمل", "لدى"
_AT = re.compile(
    r"\s(?:at|with)\s(?:the\s)?|\s(?:auprès\s(?:de|du|des)|à|au)\s(?:la\s|l['’])?|\s(?:في|لدى)\s"
)
_OF = re.compile(r"\sof\s(?:the\s)?|\s(?:de|du|des)\s(?:la\s|l['’])?")
_OPENING_OF = re.compile(
    r"^(?:of|from|with|at)\s(?:the\s)?|^(?:de|du|des)\s(?:la\s|l['’])?|^(?:من|في|لدى)\s", re.I
)
_CONNECTOR_TAIL = re.compile(
    r"(?:\s+(?:of|in|from|at|for|the|de|du|des|en|la|le|au|à|l['’]|في|من|ب))+\s*$", re.IGNORECASE
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|le|la|les|l['’])\s+", re.IGNORECASE)


def has_organisation_word(text: str) -> bool:
    """Whether the text names an organisation ("Network", "Ministry", "وزارة", "IOM", ...)."""
    return _ORGANISATION_WORDS.search(text) is not None


@dataclass(frozen=True)
class Affiliation:
    """What a speaker's introduction says about them."""

    title: str | None = None
    organisation: str | None = None
    country: str | None = None


def read_affiliation(introduction: str, *, represents: str | None = None) -> Affiliation:
    """Title, organisation and country from the words after a speaker's name."""
    text = introduction.strip(" ,.")
    country = _last_country(text) or (_last_country(represents) if represents else None)
    title, organisation = _split_title(text)
    if organisation is None and represents:
        organisation = represents
    return Affiliation(_clean(title), _clean_organisation(organisation), country)


def _split_title(text: str) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    opening = _OPENING_OF.match(text)
    if opening:
        return None, text[opening.end() :]
    at = list(_AT.finditer(text))
    if at:
        return text[: at[-1].start()], text[at[-1].end() :]
    core = _without_country_tail(text)
    for match in reversed(list(_OF.finditer(core))):
        remainder = core[match.end() :]
        if _ORGANISATION_WORDS.search(remainder):
            return core[: match.start()], remainder
    return text, None


def _clean(title: str | None) -> str | None:
    if not title:
        return None
    cleaned = _LEADING_ARTICLE.sub("", _without_country_tail(title.strip(" ,.")))
    return cleaned or None


def _clean_organisation(organisation: str | None) -> str | None:
    cleaned = _clean(organisation)
    if not cleaned:
        return None
    mentions = find_countries(cleaned)
    first = mentions[0] if mentions else None
    if first is not None and first.start == 0:
        rest = cleaned[first.end :].strip()
        if first.adjective and rest[:1].isupper():
            return rest  # "Jordanian Ministry of Labour" -> "Ministry of Labour"
        if not rest:
            return None  # the organisation was only a country name
    return cleaned


def _without_country_tail(text: str) -> str:
    """Drop a country named at the end ("... of Iraq", "in the State of Palestine", "الأردنية")."""
    mentions = find_countries(text)
    if not mentions or text[mentions[-1].end :].strip(" .,)"):
        return text
    last: CountryMention = mentions[-1]
    head = text[: last.start].rstrip()
    if not head:
        return text
    stripped = _CONNECTOR_TAIL.sub("", head).rstrip(" ,")
    return stripped if stripped != head or last.adjective else text


def _last_country(text: str | None) -> str | None:
    mentions = find_countries(text) if text else []
    return mentions[-1].code if mentions else None
