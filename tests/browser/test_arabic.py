"""An Arabic review uploaded through the browser reads right to left."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Watched

ARABIC_REVIEW = "\n\n".join(
    (
        "مصر: الاستعراض الوطني للاتفاق العالمي من أجل الهجرة",
        (
            "1. ألغت الحكومة رسوم التوظيف التي يدفعها العمال المهاجرون، وأصبح أصحاب العمل "
            "يتحملون جميع تكاليف التوظيف."
        ),
        ("2. تلتزم الحكومة بحماية حقوق العمال المهاجرين وتوفير المأوى لهم في جميع المحافظات."),
    )
)


@pytest.mark.browser
def test_arabic_paragraphs_read_right_to_left(watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    watched.sign_in("analyst")
    report = tmp_path / "egypt-national-review-2025-ar.txt"
    report.write_text(ARABIC_REVIEW, encoding="utf-8")
    watched.upload(report)

    texts = page.locator("article.para p.text")
    expect(texts).to_have_count(2)
    first = texts.first
    expect(first).to_contain_text("رسوم التوظيف")
    assert first.get_attribute("lang") == "ar"
    assert first.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # the page around it stays left to right
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    watched.shot("arabic-01-document")

    watched.assert_clean()
