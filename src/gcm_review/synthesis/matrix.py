"""The country x objective matrix: member-state paragraphs addressing each objective."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from gcm_review.structure.countries import country_name
from gcm_review.synthesis.attention import reporting_countries
from gcm_review.synthesis.records import CountryMatrix, ReviewParagraph


def country_matrix(
    paragraphs: Sequence[ReviewParagraph], objectives: Sequence[int]
) -> CountryMatrix:
    """Rows: reporting member states sorted by name; columns: the given objective numbers."""
    cells: dict[tuple[str, int], list[int]] = defaultdict(list)
    for para in paragraphs:
        if para.is_member_state and para.country:
            for objective in para.objectives:
                cells[(para.country, objective)].append(para.id)
    rows = sorted(
        ((code, country_name(code) or code) for code in reporting_countries(paragraphs)),
        key=lambda row: row[1],
    )
    counts = tuple(
        tuple(len(cells.get((code, objective), ())) for objective in objectives) for code, _ in rows
    )
    return CountryMatrix(
        countries=tuple(rows),
        objectives=tuple(objectives),
        counts=counts,
        cells={key: tuple(ids) for key, ids in cells.items()},
    )
