"""The country x objective matrix: a heatmap, an accessible table of counts (or 0/1), and the
evidence paragraphs of each cell (a page of its own, or a panel loaded by HTMX)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response
from markupsafe import Markup

from gcm_review.frameworks.labels import Wording, wording
from gcm_review.report.synthesis_charts import heatmap_of
from gcm_review.store.users import User
from gcm_review.structure.countries import country_name
from gcm_review.synthesis.records import CountryMatrix
from gcm_review.web.analysis_models import (
    CountryOut,
    EvidenceOut,
    MatrixCellDetailOut,
    MatrixCellOut,
    MatrixOut,
)
from gcm_review.web.catalogues import N_
from gcm_review.web.charts import inline_svg
from gcm_review.web.deps import LabelsDep, is_htmx, render, require
from gcm_review.web.display import LabelNames
from gcm_review.web.synthesis_cache import ScopedSynthesis, scoped_synthesis

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Reader = Annotated[User, Depends(require("synthesis.read"))]
View = Literal["counts", "binary"]
Country = Annotated[str, Path(pattern=r"^[A-Z]{3}$", description="ISO3 code")]
Objective = Annotated[int, Path(ge=1, le=99)]
SNIPPET_CHARS = 320
NO_CELL = N_("No paragraph of that country addresses that objective in the documents you may see")


@dataclass(frozen=True)
class MatrixCell:
    """A cell of the table: its objective, paragraph count and shown value."""

    objective: int
    count: int
    value: int  # the count, or 0/1
    level: int  # 0-3, for shading


@dataclass(frozen=True)
class MatrixRow:
    code: str
    name: str
    cells: tuple[MatrixCell, ...]
    total: int


def _level(count: int) -> int:
    return 0 if count == 0 else 1 if count == 1 else 2 if count <= 3 else 3


def matrix_values(matrix: CountryMatrix, *, binary: bool) -> tuple[tuple[int, ...], ...]:
    """The counts, or 1 for each non-zero count when `binary`."""
    if not binary:
        return matrix.counts
    return tuple(tuple(1 if count else 0 for count in row) for row in matrix.counts)


def matrix_rows(matrix: CountryMatrix, *, binary: bool) -> list[MatrixRow]:
    """The table's rows, one per reporting country."""
    rows = []
    for (code, name), counts in zip(matrix.countries, matrix.counts, strict=True):
        cells = tuple(
            MatrixCell(n, count, (1 if count else 0) if binary else count, _level(count))
            for n, count in zip(matrix.objectives, counts, strict=True)
        )
        rows.append(MatrixRow(code, name, cells, sum(counts)))
    return rows


def heatmap_svg(entry: ScopedSynthesis, *, binary: bool, words: Wording) -> Markup:
    """The heatmap as inline SVG (made by the report's chart code: escaped, no scripts)."""

    def draw() -> Markup:
        chart = heatmap_of(entry.matrix, words=words)
        if binary:
            chart = replace(chart, values=matrix_values(entry.matrix, binary=True))
        return inline_svg(chart)

    return entry.memo(f"heatmap-{binary}", draw)


@router.get("/matrix")
def matrix_page(request: Request, user: Reader, view: View = "counts") -> Response:
    """Member states by objectives: how many paragraphs address each."""
    entry = scoped_synthesis(request, user)
    binary = view == "binary"
    context = {
        "matrix": entry.matrix,
        "rows": entry.memo(f"rows-{binary}", lambda: matrix_rows(entry.matrix, binary=binary)),
        "svg": heatmap_svg(
            entry, binary=binary, words=wording(request.app.state.synthesis.framework)
        ),
        "view": view,
        "documents": len(entry.review.documents),
    }
    return render(request, "matrix.html", context, user=user)


def _cell(
    entry: ScopedSynthesis,
    country: str,
    objective: int,
    labels: LabelNames,
    *,
    empty_ok: bool = False,
) -> MatrixCellDetailOut:
    """The cell's evidence; 404 when it has none (unless `empty_ok` and the country reports)."""
    ids = entry.matrix.cells.get((country, objective), ())
    reporting = any(code == country for code, _ in entry.matrix.countries)
    if not ids and not (empty_ok and reporting):
        raise HTTPException(status_code=404, detail=NO_CELL)
    label = f"objective:{objective}"
    paragraphs = []
    for pid in ids:
        para, link = entry.paragraphs[pid], entry.link(pid)
        tag = para.tag(label)
        paragraphs.append(
            EvidenceOut(
                paragraph_id=pid,
                document_id=para.document_id,
                document=para.document,
                number=para.number,
                href=link.href,
                text=para.text,
                sentence=tag.sentence if tag is not None else None,
            )
        )
    return MatrixCellDetailOut(
        country=country,
        country_name=country_name(country) or country,
        objective=objective,
        title=labels.title(label),
        paragraphs=paragraphs,
    )


def shorten(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The text, cut at a space before `limit` characters with an ellipsis when longer."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


@router.get("/matrix/cell/{country}/{objective}")
def cell_page(
    request: Request, labels: LabelsDep, user: Reader, country: Country, objective: Objective
) -> Response:
    """The paragraphs behind one cell (the panel's fragment when HTMX asks). A cell emptied since
    the matrix was shown (its tags rejected meanwhile) says so rather than answering 404."""
    cell = _cell(scoped_synthesis(request, user), country, objective, labels, empty_ok=True)
    template = "_matrix_cell.html" if is_htmx(request) else "matrix_cell.html"
    return render(request, template, {"cell": cell, "shorten": shorten}, user=user)


@api.get("/matrix", summary="The country x objective matrix")
def matrix_api(request: Request, user: Reader, binary: bool = False) -> MatrixOut:
    """Member states (rows) by objectives (columns): paragraphs addressing each, or 0/1, with
    the paragraph ids of every non-zero cell; only the documents you may see count."""
    matrix = scoped_synthesis(request, user).matrix
    return MatrixOut(
        binary=binary,
        countries=[CountryOut(iso3=code, name=name) for code, name in matrix.countries],
        objectives=list(matrix.objectives),
        values=[list(row) for row in matrix_values(matrix, binary=binary)],
        cells=[
            MatrixCellOut(country=code, objective=n, count=len(ids), paragraph_ids=list(ids))
            for (code, n), ids in sorted(matrix.cells.items())
            if ids
        ],
    )


@api.get("/matrix/cell/{country}/{objective}", summary="One cell's evidence paragraphs")
def cell_api(
    request: Request, labels: LabelsDep, user: Reader, country: Country, objective: Objective
) -> MatrixCellDetailOut:
    """The member-state paragraphs of a country that address an objective."""
    return _cell(scoped_synthesis(request, user), country, objective, labels)
