"""Commands on tags: tag, explain and evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from gcm_review.cli.app import app
from gcm_review.cli.common import (
    DatabaseUrlOption,
    EmbedderOption,
    FrameworkOption,
    ProbeEmbedderOption,
    fail,
    opened,
    out,
    progress_bar,
    require_documents,
    resolve_settings,
    shown,
    usage_error,
)
from gcm_review.errors import GcmReviewError
from gcm_review.frameworks import load_framework
from gcm_review.tagging.gold import parse_where
from gcm_review.tagging.run import evaluate_file
from gcm_review.workflows.feedback import settings_tagger
from gcm_review.workflows.tagging import explain_paragraph, tag_documents


@app.command()
def tag(
    documents: Annotated[
        list[int] | None, typer.Argument(help="Ids of stored documents (default: all).")
    ] = None,
    database_url: DatabaseUrlOption = None,
    embedder: EmbedderOption = None,
    probe_embedder: ProbeEmbedderOption = None,
    framework: FrameworkOption = None,
) -> None:
    """Tag every paragraph of stored documents with the objectives and guiding principles of the
    framework (the GCM unless --framework names another).

    Machine proposals are replaced; tags an analyst accepted, rejected or added are kept.
    """
    settings = resolve_settings(
        database_url=database_url,
        embedder=embedder,
        probe_embedder=probe_embedder,
        framework=framework,
    )
    with opened(settings) as db:
        require_documents(db, documents)
        try:
            tagger = settings_tagger(db, settings)
            with progress_bar("Tagging") as (progress, task):
                report = tag_documents(
                    db,
                    tagger=tagger,
                    document_ids=documents,
                    on_progress=lambda done, total: progress.update(
                        task, completed=done, total=total
                    ),
                )
        except GcmReviewError as exc:
            raise fail(exc) from None
    out.print(
        f"Tagged {report.paragraphs} paragraph(s) with {shown(report.tagger)}: {report.decided} "
        f"tag(s) decided, {report.tags - report.decided} more proposed for review."
    )
    if report.uncovered:
        languages = ", ".join(f"{lang} {count}" for lang, count in sorted(report.uncovered.items()))
        out.print(
            shown(
                f"Not tagged by meaning: paragraphs in languages the embedder was not trained on "
                f"({languages}) got only the objectives they name explicitly; read them yourself."
            )
        )


@app.command()
def explain(
    paragraph_id: Annotated[int, typer.Argument(help="Paragraph id (see ingest --format json).")],
    database_url: DatabaseUrlOption = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Show why a paragraph got its tags: probability, matched terms, references, sentence."""
    _check_format(output_format, "text")
    settings = resolve_settings(database_url=database_url)
    with opened(settings) as db:
        try:
            explanation = explain_paragraph(db, paragraph_id, embedder=settings.embedder)
        except GcmReviewError as exc:
            raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(explanation, ensure_ascii=False, indent=2) + "\n")
        return
    para = explanation["paragraph"]
    where = shown(f"({para['document']}, number {para['number']})")
    out.print(f"[bold]Paragraph {para['id']}[/] {where}")
    out.print(shown(para["text"]), highlight=False)
    if not explanation["embedder_covers_language"]:
        out.print(
            shown(
                f"Its language ({para['language']}) is not one the embedder "
                f"{explanation['embedder']} was trained on: it gets only the objectives its text "
                "names explicitly. Read it and tag it yourself."
            )
        )
    elif not explanation["tags"]:
        out.print("No tags yet: run `gcm-review tag` first.")
    for found in explanation["tags"]:
        mark = "[green]tagged[/]" if found["decided"] else "[yellow]proposed[/]"
        label, status = shown(found["label"]), shown(found["status"])
        out.print(f"\n{mark} {label}  p={found['probability']:.2f}  ({status})")
        for evidence in found["evidence"]:
            detail = ", ".join(evidence["matched"]) or (evidence["sentence"] or "")
            line = f"   {evidence['tagger']}: {evidence['score']:.2f}  {detail}"
            out.print(shown(line), highlight=False)


@app.command()
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help='JSONL files or folders of them: {"id", "text", "objectives", "principles"} '
            "and any other fields."
        ),
    ],
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    embedder: EmbedderOption = None,
    probe_embedder: ProbeEmbedderOption = None,
    ablation: Annotated[
        bool,
        typer.Option(help="Also score each tagger alone (explicit, lexicon, semantic, words)."),
    ] = True,
    framework: FrameworkOption = None,
    where: Annotated[
        list[str] | None,
        typer.Option(
            help="Score only the lines whose FIELD is VALUE (FIELD=VALUE; repeat: values of one "
            "field are alternatives, different fields must all hold)."
        ),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(help="Also print the scores per value of this field (repeatable)."),
    ] = None,
) -> None:
    """Tag the texts of annotated files (no database) and print precision, recall and F1.

    The files' labels are those of the framework (the GCM unless --framework names another).
    """
    _check_format(output_format, "table")
    settings = resolve_settings(
        embedder=embedder, probe_embedder=probe_embedder, framework=framework
    )
    try:
        report = evaluate_file(
            gold,
            embedder=settings.embedder,
            cache_path=settings.vector_cache_path,
            ablation=ablation,
            framework=settings.framework,
            where=parse_where(where or []),
            by=by or [],
            probe_embedder=settings.probe_embedder,
        )
    except GcmReviewError as exc:
        raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(_evaluation_table(report, load_framework(settings.framework).label_word()))
    if "ablation" in report:
        out.print(_ablation_table(report["ablation"]))
    for field, groups in report.get("by", {}).items():
        out.print(_groups_table(field, groups))


def _check_format(output_format: str, human: str) -> None:
    """Refuse a --format other than `human` (text or table) and json, as one line."""
    if output_format not in (human, "json"):
        raise usage_error(f"--format must be '{human}' or 'json'")


def _evaluation_table(report: dict[str, Any], word: str) -> Table:
    """The scores; `word` is what the framework calls one label ("objective")."""
    where = "".join(f", {f}={'|'.join(v)}" for f, v in report.get("where", {}).items())
    table = Table(
        title=shown(f"{report['n']} paragraphs{where}, {report['tagger']} on {report['embedder']}")
    )
    for column in ("labels", "average", "precision", "recall", "F1"):
        table.add_column(column)
    for kind in ("objectives", "principles"):
        for average in ("micro", "macro"):
            scores = report[kind][average]
            table.add_row(
                kind, average, *(f"{scores[k]:.3f}" for k in ("precision", "recall", "f1"))
            )
    per_label = Table(title=shown(f"per {word}"), title_justify="left")
    for column in (shown(word), "support", "precision", "recall", "F1"):
        per_label.add_column(column, justify="right")
    for label, scores in report["objectives"]["per_label"].items():
        per_label.add_row(
            shown(label),
            str(scores["support"]),
            *(f"{scores[k]:.2f}" for k in ("precision", "recall", "f1")),
        )
    outer = Table.grid()
    outer.add_row(table)
    outer.add_row(per_label)
    return outer


def _ablation_table(ablation: dict[str, Any]) -> Table:
    table = Table(title="per tagger (ablation, micro-F1)", title_justify="left")
    for column in ("taggers", "objectives F1", "objectives macro-F1", "principles F1"):
        table.add_column(column)
    for name, scores in ablation.items():
        table.add_row(
            shown(name),
            f"{scores['objectives']['f1']:.3f}",
            f"{scores['objectives']['macro_f1']:.3f}",
            f"{scores['principles']['f1']:.3f}",
        )
    return table


def _groups_table(field: str, groups: dict[str, Any]) -> Table:
    """The scores per value of one field."""
    table = Table(title=shown(f"per {field}"), title_justify="left")
    table.add_column(shown(field), no_wrap=True)
    columns = ("n", "obj P", "obj R", "obj F1", "obj macro", "obj gold", "pri F1", "pri gold")
    for column in columns:
        table.add_column(column, justify="right")
    for value, scores in groups.items():
        objectives, principles = scores["objectives"], scores["principles"]
        table.add_row(
            shown(value),
            str(scores["n"]),
            *(f"{objectives['micro'][k]:.3f}" for k in ("precision", "recall", "f1")),
            f"{objectives['macro']['f1']:.3f}",
            str(objectives["gold"]),
            f"{principles['micro']['f1']:.3f}",
            str(principles["gold"]),
        )
    return table
