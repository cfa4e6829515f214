"""Reported speech: a templated subject, the record's own words after it."""

from __future__ import annotations

from gcm_review.synthesis.reported_speech import Voice, reported, subject

JORDAN = Voice("Mr. Karim Haddad", "Jordan", "Ministry of Labour", "member-state")


def test_the_subject_says_whom_the_speaker_represents() -> None:
    assert subject(JORDAN) == "The representative of Jordan, Mr. Karim Haddad,"
    assert subject(Voice("Ms. A", organisation="League of Arab States")) == (
        "The representative of the League of Arab States, Ms. A,"
    )
    assert subject(Voice("Ms. A", organisation="UNICEF")) == "The representative of UNICEF, Ms. A,"
    assert subject(Voice(None, organisation="regional network of journalists")) == (
        "The representative of a regional network of journalists"
    )
    assert subject(Voice(stakeholder_group="civil-society")) == (
        "A representative of civil society"
    )
    assert subject(Voice(organisation="Olive Network", written=True)) == (
        "The submission of the Olive Network"
    )


def test_the_record_words_follow_the_reporting_verb() -> None:
    sentence = (
        "Mr. Karim Haddad, Director of Labour Migration at the Ministry of Labour of Jordan, said "
        "that his country had adopted a national strategy."
    )
    assert reported(sentence, JORDAN) == (
        "The representative of Jordan, Mr. Karim Haddad, said that his country had adopted a "
        "national strategy."
    )


def test_a_continuation_takes_the_subject() -> None:
    assert reported("He added that support had decreased.", JORDAN) == (
        "The representative of Jordan, Mr. Karim Haddad, added that support had decreased."
    )


def test_a_speaker_known_only_by_name_keeps_the_record_introduction() -> None:
    sentence = "Mr. Omar Zidane, speaking for the youth constituency, said that jobs mattered."
    assert reported(sentence, Voice("Mr. Omar Zidane")) == sentence


def test_any_other_sentence_is_quoted() -> None:
    assert reported("The Ministry opened a line.", JORDAN) == (
        "The representative of Jordan, Mr. Karim Haddad, stated: “The Ministry opened a line.”"
    )


def test_a_sentence_in_another_language_is_quoted_after_an_english_subject() -> None:
    sentence = "M. Karim Haddad, directeur, a déclaré que la stratégie était adoptée."
    assert reported(sentence, JORDAN, language="fr") == (
        "The representative of Jordan, Mr. Karim Haddad, stated: “" + sentence + "”"
    )
