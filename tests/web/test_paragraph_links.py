"""Paragraph links' short names: "jordan.pdf ¶ 12", or the paragraph's place in its document in
the page's language when it has no number."""

from __future__ import annotations

from gcm_review.web.catalogues import translations
from gcm_review.web.paragraph_links import ParagraphLink

NUMBERED = ParagraphLink(7, 3, "/documents/3#p-7", "jordan.pdf", "12", 40)
UNNUMBERED = ParagraphLink(8, 3, "/documents/3#p-8", "jordan.pdf", None, 40)
VANISHED = ParagraphLink(9, 0, "/documents/0#p-9", "", None, 0)


def test_labels_in_english() -> None:
    assert NUMBERED.label == "jordan.pdf ¶ 12"
    assert UNNUMBERED.label == "jordan.pdf, paragraph 40"
    assert VANISHED.label == "paragraph"


def test_labels_in_french_and_arabic() -> None:
    french, arabic = translations("fr").gettext, translations("ar").gettext
    assert NUMBERED.label_in(french) == "jordan.pdf ¶ 12"
    assert UNNUMBERED.label_in(french) == "jordan.pdf, paragraphe 40"
    assert UNNUMBERED.label_in(arabic) == "jordan.pdf، الفقرة 40"
    assert VANISHED.label_in(french) == "paragraphe"
