"""Commands on analysts' feedback: retrain (learn from review) and agreement (between coders)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from gcm_review.cli.app import app
from gcm_review.cli.common import (
    DatabaseUrlOption,
    EmbedderOption,
    ProbeEmbedderOption,
    fail,
    opened,
    out,
    require_documents,
    resolve_settings,
    shown,
    usage_error,
)
from gcm_review.errors import GcmReviewError
from gcm_review.feedback.agreement import AgreementReport, LabelAgreement, agreement_report
from gcm_review.feedback.retrain import NoFeedbackYet
from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import framework_labels, is_objective
from gcm_review.store.feedback import load_codings
from gcm_review.store.training_runs import TrainingRun
from gcm_review.workflows.feedback import retrain

FormatOption = Annotated[str, typer.Option("--format", help="table or json.")]
SHOWN_DISAGREEMENTS = 40
CHECKS = {
    "feedback_cv": "analysts' decisions, held out",
    "examples_cv": "written examples, held out",
}


def _check_format(output_format: str) -> None:
    if output_format not in ("table", "json"):
        raise usage_error("--format must be 'table' or 'json'")


@app.command("retrain")
def retrain_command(
    database_url: DatabaseUrlOption = None,
    embedder: EmbedderOption = None,
    probe_embedder: ProbeEmbedderOption = None,
    user: Annotated[str, typer.Option("--user", help="Name recorded with the run.")] = "cli",
    check_examples: Annotated[
        bool,
        typer.Option(help="Also score on held-out written examples (slower, catches damage)."),
    ] = True,
    retag: Annotated[
        bool, typer.Option(help="Tag the stored documents again with the refit tagger.")
    ] = False,
    output_format: FormatOption = "table",
) -> None:
    """Learn from analysts' decisions: refit the tagger and score it before and after.

    Accepted and added tags are positives, rejected tags negatives, and a coder's whole review of
    a paragraph settles every label. Scores are micro-F1 on held-out folds of those decisions
    and of the shipped written examples. The run is recorded; `gcm-review tag` uses the
    feedback from then on.
    """
    _check_format(output_format)
    settings = resolve_settings(
        database_url=database_url, embedder=embedder, probe_embedder=probe_embedder
    )
    with opened(settings) as db:
        try:
            run = retrain(
                db, settings=settings, user=user, check_examples=check_examples, retag=retag
            )
        except NoFeedbackYet as exc:
            out.print(f"No feedback yet: {shown(exc.one_line())}.", highlight=False)
            return
        except GcmReviewError as exc:
            raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(asdict(run), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    out.print(_run_table(run))
    if run.after.get("retagged"):
        out.print(f"Tagged {run.after['retagged']} paragraph(s) again with the feedback.")
    else:
        out.print("Run `gcm-review tag` to tag the stored documents again with the feedback.")


def _run_table(run: TrainingRun) -> Table:
    table = Table(
        title=shown(
            f"Training run {run.id} by {run.user}: {run.feedback} feedback decision(s) on "
            f"{run.after.get('feedback_paragraphs', 0)} paragraph(s), "
            f"{run.examples} written examples"
        ),
        title_justify="left",
    )
    for column in ("held-out check", "labels", "before F1", "after F1", "change"):
        table.add_column(
            column, justify="left" if column in ("held-out check", "labels") else "right"
        )
    for check, description in CHECKS.items():
        before, after = run.before.get(check), run.after.get(check)
        if before is None or after is None:
            reason = "too few paragraphs" if check == "feedback_cv" else "skipped"
            table.add_row(description, "-", "-", "-", reason)
            continue
        for kind in ("objectives", "principles"):
            old, new = before[kind]["f1"], after[kind]["f1"]
            name = f"{description} ({before['paragraphs']}, {before['folds']}-fold)"
            table.add_row(name, kind, f"{old:.3f}", f"{new:.3f}", f"{new - old:+.3f}")
    return table


@app.command()
def agreement(
    coder_a: Annotated[str | None, typer.Option("--coder-a", help="First coder.")] = None,
    coder_b: Annotated[str | None, typer.Option("--coder-b", help="Second coder.")] = None,
    documents: Annotated[
        list[int] | None, typer.Option("--document", help="Only these document ids.")
    ] = None,
    database_url: DatabaseUrlOption = None,
    output_format: FormatOption = "table",
) -> None:
    """Agreement between coders: Cohen's kappa and Krippendorff's alpha per label, and the
    paragraphs they labelled differently (to adjudicate).

    Kappa compares coder A and coder B (by default the two who share the most paragraphs);
    alpha takes every coder. A dash means undefined (for example, nobody gave that label).
    """
    _check_format(output_format)
    settings = resolve_settings(database_url=database_url)
    with opened(settings) as db:
        require_documents(db, documents)
        try:
            codings = load_codings(db, documents)
            labels = framework_labels(load_framework(settings.framework))
            report = agreement_report(codings, labels, coder_a, coder_b)
        except GcmReviewError as exc:
            raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n")
        return
    if not codings:
        out.print("No paragraph has been reviewed yet: review tags in the web app first.")
        return
    out.print(shown(_coders_line(report)), highlight=False)
    if report.multiply_coded == 0:
        return
    for kind in ("objectives", "principles"):
        rows = [la for la in report.labels if is_objective(la.label) == (kind == "objectives")]
        out.print(_agreement_table(kind, [*rows, report.micro] if kind == "principles" else rows))
    out.print(_disagreement_table(report))


def _coders_line(report: AgreementReport) -> str:
    coders = ", ".join(report.coders)
    if report.coder_a is None:
        return f"Coders: {coders}. Kappa needs two coders; alpha needs paragraphs coded twice."
    return (
        f"Coders: {coders}. Kappa: {report.coder_a} (A) against {report.coder_b} (B) on "
        f"{report.shared} shared paragraph(s); alpha: every coder, on {report.multiply_coded} "
        "paragraph(s) coded at least twice."
    )


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _agreement_table(kind: str, rows: list[LabelAgreement]) -> Table:
    table = Table(title=f"agreement per {kind[:-1]}", title_justify="left")
    for column in ("label", "both", "only A", "only B", "neither", "kappa", "alpha"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for row in rows:
        label = row.label.split(":", 1)[-1]
        table.add_row(
            "all labels (micro)" if row.label == "micro" else shown(label),
            *(str(n) for n in (row.both, row.only_a, row.only_b, row.neither)),
            _figure(row.kappa),
            _figure(row.alpha),
        )
    return table


def _disagreement_table(report: AgreementReport) -> Table | str:
    if not report.disagreements:
        return "No disagreements."
    table = Table(
        title=f"{len(report.disagreements)} disagreement(s) to adjudicate", title_justify="left"
    )
    for column in ("paragraph", "label", "yes", "no"):
        table.add_column(column)
    for found in report.disagreements[:SHOWN_DISAGREEMENTS]:
        table.add_row(
            str(found.paragraph_id),
            shown(found.label),
            shown(", ".join(found.yes)),
            shown(", ".join(found.no)),
        )
    hidden = len(report.disagreements) - SHOWN_DISAGREEMENTS
    if hidden > 0:
        table.caption = f"and {hidden} more: see --format json"
    return table
