"""Attribution: own speaker first, then the section's country, then continuations."""

from __future__ import annotations

from gcm_review.model import Attribution
from gcm_review.structure.attribution import AttributionContext, attribute, pronoun_gender, unplaced

IN_OMAN = AttributionContext(section_country="OMN")


def test_own_introduction_gives_title_organisation_country_and_group() -> None:
    text = (
        "Ms. Rana Aziz, Head of the Contracts Unit at the Jordanian Ministry of Labour, outlined "
        "reforms."
    )
    found = attribute(text, AttributionContext())
    assert found == Attribution(
        speaker="Ms. Rana Aziz",
        title="Head of the Contracts Unit",
        organisation="Ministry of Labour",
        country="JOR",
        stakeholder_group="member-state",
    )


def test_own_country_beats_the_section_country() -> None:
    text = "Mr. Ali Zein, Deputy Minister of Expatriates of Yemen, described the needs."
    assert attribute(text, IN_OMAN).country == "YEM"


def test_section_country_when_the_introduction_names_none() -> None:
    text = "Mr. Said Amer, Director of International Cooperation, described the plan."
    found = attribute(text, IN_OMAN)
    assert (found.speaker, found.country, found.stakeholder_group) == ("Mr. Said Amer", "OMN", None)


def test_un_officials_do_not_take_the_section_country() -> None:
    text = "Ms. Lina Farah, Regional Director of UNICEF, called for child protection."
    found = attribute(text, IN_OMAN)
    assert (found.country, found.stakeholder_group) == (None, "un-entity")


def test_chair_then_speaker() -> None:
    text = (
        "The session was facilitated by Ms. Hala Rizk, board member at a regional association. "
        "Mr. Fadi Aoun, Assistant Director at the Iraqi Ministry of Interior, stressed "
        "identity checks."
    )
    found = attribute(text, AttributionContext())
    assert (found.speaker, found.organisation, found.country) == (
        "Mr. Fadi Aoun",
        "Ministry of Interior",
        "IRQ",
    )


def test_representative_without_a_name() -> None:
    found = attribute(
        "The representative of Bahrain said that a new law was adopted.", AttributionContext()
    )
    assert (found.speaker, found.country, found.stakeholder_group) == (None, "BHR", None)


def test_fragment_naming_one_other_country_as_actor_switches_country() -> None:
    previous = Attribution(speaker="Ms. Rana Aziz", country="OMN", stakeholder_group="member-state")
    context = AttributionContext(
        section_country="OMN", previous=previous, unnumbered=True, fragment=True
    )
    found = attribute("shelters were opened. He noted that Bahrain had adopted a new law.", context)
    assert found == Attribution(country="BHR", stakeholder_group="member-state")


def test_fragment_naming_the_section_country_stays_a_continuation() -> None:
    previous = Attribution(speaker="Ms. Rana Aziz", country="OMN", stakeholder_group="member-state")
    context = AttributionContext(
        section_country="OMN", previous=previous, unnumbered=True, fragment=True
    )
    text = "support for returnees. She added that Oman and Bahrain had signed an agreement."
    assert attribute(text, context) == previous


def test_fragment_continuation_inherits_the_previous_speaker() -> None:
    previous = Attribution(speaker="Mr. Said Amer", country="OMN", stakeholder_group="member-state")
    context = AttributionContext(
        section_country="OMN", previous=previous, unnumbered=True, fragment=True
    )
    assert (
        attribute("and training for inspectors. He also mentioned shelters.", context) == previous
    )


def test_no_inheritance_when_the_pronoun_disagrees() -> None:
    previous = Attribution(speaker="Mr. Said Amer", country="OMN", stakeholder_group="member-state")
    context = AttributionContext(
        section_country="OMN", previous=previous, unnumbered=True, fragment=True
    )
    # issue 15: a continuation that cannot be placed is unattributed, not the section's country
    text = "and training. She concluded with thanks."
    assert attribute(text, context) == Attribution()
    assert unplaced(text, context)


def test_no_inheritance_without_a_previous_paragraph_in_the_section() -> None:
    context = AttributionContext(
        section_country=None, previous=None, unnumbered=True, fragment=True
    )
    assert attribute("and training. He concluded.", context) == Attribution()


def test_numbered_paragraph_opening_with_a_pronoun_continues() -> None:
    previous = Attribution(speaker="Ms. Rana Aziz", country="OMN")
    context = AttributionContext(section_country="OMN", previous=previous)
    assert attribute("She added that shelters were opened.", context) == previous
    assert attribute("Shelters were opened in 2020.", context) == Attribution(
        country="OMN", stakeholder_group="member-state"
    )


def test_arabic_speaker() -> None:
    text = "وأشارت السيدة ريم خليل، مديرة في وزارة الخارجية المغربية، إلى أهمية البيانات."
    found = attribute(text, AttributionContext())
    assert (found.speaker, found.country, found.stakeholder_group) == (
        "السيدة ريم خليل",
        "MAR",
        "member-state",
    )


def test_french_speaker() -> None:
    text = "Mme Sophie Martin, représentante de l'OIM, a présenté le rapport régional."
    found = attribute(text, AttributionContext(section_country="TUN"))
    assert (found.speaker, found.stakeholder_group, found.country) == (
        "Mme Sophie Martin",
        "un-entity",
        None,
    )


def test_pronoun_gender() -> None:
    assert pronoun_gender("and more. He said so.") == "m"
    assert pronoun_gender("and more. Her view was clear.") == "f"
    assert pronoun_gender("Elle a souligné la gravité.") == "f"
    assert pronoun_gender("وأضافت أن الخطة جاهزة") == "f"
    assert pronoun_gender("وأضاف أن الخطة جاهزة") == "m"
    assert pronoun_gender("The plan is ready.") is None


def test_a_fragment_naming_another_acting_country_speaks_for_it_outside_country_sections() -> None:
    previous = Attribution(speaker="Mr. Ali Hadi", country="IRQ", stakeholder_group="member-state")
    context = AttributionContext(previous=previous, unnumbered=True, fragment=True)
    text = "them to invest at home. Tunisia had also worked with its diaspora women."
    assert attribute(text, context) == Attribution(country="TUN", stakeholder_group="member-state")


def test_a_fragment_about_the_same_country_continues_its_speaker() -> None:
    previous = Attribution(speaker="Mr. Ali Hadi", country="IRQ", stakeholder_group="member-state")
    context = AttributionContext(previous=previous, unnumbered=True, fragment=True)
    text = "them to invest at home. Iraq had also worked with its diaspora. He thanked them."
    assert attribute(text, context) == previous


def test_an_unplaced_continuation_outside_a_country_section_is_unattributed() -> None:
    previous = Attribution(speaker="Mr. Pedro Silva", organisation="IFAD")
    context = AttributionContext(previous=previous, unnumbered=True, fragment=True)
    text = "led to funding gaps. She added that expatriates had helped."
    assert attribute(text, context) == Attribution()
    assert unplaced(text, context)
    assert not unplaced("led to funding gaps. He added more.", context)


def test_chairs_moderators_and_facilitators_have_their_role() -> None:
    text = (
        "The session was facilitated by Ms. Zeina Haddad, board member at a civil society "
        "association. Mr. Omar Nasser, Director at the Ministry of Labour of Jordan, said "
        "that work permits were now issued online."
    )
    found = attribute(text, AttributionContext())
    assert (found.speaker, found.country, found.role) == ("Mr. Omar Nasser", "JOR", None)
    assert (found.chair, found.chair_role) == ("Ms. Zeina Haddad", "facilitator")
    moderated = "Dr. Amal Saad, Professor at the University of Tunis, moderated the session."
    found = attribute(moderated, AttributionContext())
    assert (found.speaker, found.role, found.chair_role) == (
        "Dr. Amal Saad",
        "moderator",
        "moderator",
    )
    chaired = "The session was chaired by Mr. Talal Amer, Deputy Minister of Foreign Affairs."
    assert attribute(chaired, AttributionContext()).role == "chair"


def test_a_continuation_does_not_repeat_the_chair() -> None:
    previous = Attribution(speaker="Mr. Omar Nasser", country="JOR", chair="Ms. Zeina Haddad")
    context = AttributionContext(previous=previous, unnumbered=True, fragment=True)
    found = attribute("and training for inspectors. He also mentioned shelters.", context)
    assert (found.speaker, found.chair) == ("Mr. Omar Nasser", None)
