from __future__ import annotations

from gcm_review.ingest.repair.unicode_norm import UNICODE_NORMALISATION, normalise_characters


def test_clean_text_is_left_alone() -> None:
    text = "Objective 23 (IOM), 1.6 per cent, café, الهجرة ²"
    assert normalise_characters(text) == (text, None)


def test_arabic_presentation_forms_become_base_letters_with_one_summary() -> None:
    # "الهجرة" written with presentation forms (isolated/initial/medial/final), as PDFs give it
    forms = "\ufe8d\ufedf\ufeec\ufea0\ufeae\ufe93"
    text, edit = normalise_characters(f"{forms} 2021")
    assert text == "الهجرة 2021"
    assert edit is not None
    assert edit.kind == UNICODE_NORMALISATION
    assert edit.count == 6
    assert edit.offset == 0
    assert edit.removed == forms


def test_lam_alef_ligature_form_gives_lam_then_alef() -> None:
    text, _edit = normalise_characters("\ufefb")
    assert text == "لا"


def test_invisible_characters_removed_and_odd_spaces_made_plain() -> None:
    text, edit = normalise_characters("\ufeffmigra\u00adtion\u200b policy\u00a0: 23\u202fper cent")
    assert text == "migration policy : 23 per cent"
    assert edit is not None
    assert edit.count == 5
    assert edit.offset == 0


def test_latin_ligatures_opened() -> None:
    text, edit = normalise_characters("ﬁnancial ﬂows")
    assert text == "financial flows"
    assert edit is not None
    assert edit.offset == 0


def test_zero_width_non_joiner_kept() -> None:
    text = "می\u200cخواهم"
    assert normalise_characters(text) == (text, None)
