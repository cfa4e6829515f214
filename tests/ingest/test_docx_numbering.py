"""format_number: the counters Word prints for each numFmt."""

from __future__ import annotations

import pytest

from gcm_review.ingest.docx_numbering import format_number


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (23, "decimal", "23"),
        (3, "decimalZero", "03"),
        (1, "lowerLetter", "a"),
        (26, "upperLetter", "Z"),
        (27, "lowerLetter", "aa"),
        (28, "lowerLetter", "bb"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (1999, "upperRoman", "MCMXCIX"),
        (12, "hindiNumbers", "١٢"),
        (2, "arabicAlpha", "ب"),
        (3, "arabicAbjad", "ج"),
        (7, "none", ""),
        (7, "ordinalText", "7"),  # unsupported formats print as decimal
    ],
)
def test_format_number(value: int, number_format: str, expected: str) -> None:
    assert format_number(value, number_format) == expected
