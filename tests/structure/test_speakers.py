"""Speakers: honorific + name, their introduction, and who chaired."""

from __future__ import annotations

import pytest

from gcm_review.structure.speakers import find_speaker, split_sentences


@pytest.mark.parametrize(
    ("text", "speaker", "introduction"),
    [
        (
            (
                "Mr. Karim Haddad, Director of Planning at the Jordanian Ministry of Labour, said "
                "that work permits rose."
            ),
            "Mr. Karim Haddad",
            "Director of Planning at the Jordanian Ministry of Labour",
        ),
        (
            "His Excellency Mr. Omar al-Nasser, the Minister of Labour of Oman, reviewed the plan.",
            "His Excellency Mr. Omar al-Nasser",
            "the Minister of Labour of Oman",
        ),
        (
            (
                "Ambassador Leila Ben Salah, Deputy Minister for Migration, Refugees and Diaspora "
                "of Tunisia, said that a strategy was ready."
            ),
            "Ambassador Leila Ben Salah",
            "Deputy Minister for Migration, Refugees and Diaspora of Tunisia",
        ),
        ("Ms. Dana Youssef stressed the need for data.", "Ms. Dana Youssef", ""),
        (
            "Dr. Samir El Khoury, Professor at the University of Balamand. He presented a study.",
            "Dr. Samir El Khoury",
            "Professor at the University of Balamand",
        ),
        (
            (
                "M. Karim Benali, directeur au ministère de l'Intérieur du Maroc, a souligné les "
                "progrès."
            ),
            "M. Karim Benali",
            "directeur au ministère de l'Intérieur du Maroc",
        ),
        (
            "Mme Sophie Martin, représentante de l'OIM, a présenté le rapport.",
            "Mme Sophie Martin",
            "représentante de l'OIM",
        ),
        (
            "السيد محمد الراشد، مدير إدارة العمل في وزارة العمل الأردنية، أكد أهمية البيانات.",
            "السيد محمد الراشد",
            "مدير إدارة العمل في وزارة العمل الأردنية",
        ),
        (
            "وأكدت الدكتورة سلمى حداد، أستاذة في الجامعة الأردنية، أن البيانات ضرورية.",
            "الدكتورة سلمى حداد",
            "أستاذة في الجامعة الأردنية",
        ),
    ],
)
def test_speaker_and_introduction(text: str, speaker: str, introduction: str) -> None:
    found = find_speaker(text)
    assert found is not None
    assert (found.speaker, found.introduction, found.chairs) == (speaker, introduction, False)


def test_the_speaker_after_a_chair_is_the_one_who_speaks() -> None:
    text = (
        "The session was moderated by Ms. Hala Rizk, researcher at the Lebanese University. "
        "Mr. Fadi Aoun, Head of Borders at the Iraqi Ministry of Interior, stressed identity "
        "checks."
    )
    found = find_speaker(text)
    assert found is not None
    assert found.speaker == "Mr. Fadi Aoun"
    assert not found.chairs


def test_a_chair_introduced_first_then_a_speaker() -> None:
    text = (
        "Dr. Nour Said, lecturer at the University of Tunis, chaired the session. "
        "Ms. Rim Khalil, of the Moroccan Ministry of Foreign Affairs, noted progress."
    )
    found = find_speaker(text)
    assert found is not None
    assert found.speaker == "Ms. Rim Khalil"


def test_a_paragraph_only_about_the_chair_gives_the_chair() -> None:
    text = (
        "The meeting was chaired by Mr. Adel Nasr, Adviser at the Ministry of Foreign Affairs "
        "of Oman. "
        "Delegates of several countries reviewed their progress."
    )
    found = find_speaker(text)
    assert found is not None
    assert (found.speaker, found.chairs) == ("Mr. Adel Nasr", True)
    assert found.introduction == "Adviser at the Ministry of Foreign Affairs of Oman"


def test_a_short_procedural_opening_is_skipped() -> None:
    text = (
        "An open discussion followed the two interventions. Mr. Ali Zein, of the Bahraini "
        "delegation, spoke."
    )
    found = find_speaker(text)
    assert found is not None
    assert found.speaker == "Mr. Ali Zein"


def test_representative_of_prefix() -> None:
    found = find_speaker(
        "The representative of the Omani delegation, Mr. Said Amer, described the plan."
    )
    assert found is not None
    assert (found.speaker, found.represents) == ("Mr. Said Amer", "the Omani delegation")


@pytest.mark.parametrize(
    "text",
    [
        "In conclusion, cooperation was highlighted. Mr. Ali Zein added a point.",
        "work conditions improved. Mr. Rami Daher also presented measures.",
        "The plan was adopted in 2020.",
    ],
)
def test_no_speaker_when_the_paragraph_does_not_open_with_one(text: str) -> None:
    assert find_speaker(text) is None


def test_sentences_are_not_cut_after_abbreviations() -> None:
    text = "H.E. Mr. Ali Zein met Dr. Nour Said. They agreed! Then U.S. officials left."
    assert split_sentences(text) == [
        "H.E. Mr. Ali Zein met Dr. Nour Said.",
        "They agreed!",
        "Then U.S. officials left.",
    ]
    assert len(split_sentences(text, limit=1)) == 1
