"""Retraining the tagger on analysts' feedback (administrators): start a run in the background
worker, follow it, and compare the held-out figures before and after, run by run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from gcm_review.store.training_runs import TrainingRun, training_runs
from gcm_review.store.users import User
from gcm_review.web.analysis_models import RetrainIn, RetrainJobOut, TrainingRunOut
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import DbDep, is_htmx, redirect, render, require
from gcm_review.web.jobs import IngestJobs, Job

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["training"])

Admin = Annotated[User, Depends(require("retrain"))]
CHECKS = {
    "feedback_cv": N_("Analysts' decisions, held out"),
    "examples_cv": N_("Written examples, held out"),
}
KINDS = ("objectives", "principles")


@dataclass(frozen=True)
class FigureRow:
    """One line of a run's before/after table."""

    check: str
    kind: str | None  # "objectives", "principles", or None when the check did not run
    before: float | None
    after: float | None
    note: str = ""

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _f1(figures: Any, kind: str) -> float | None:
    if not isinstance(figures, dict) or not isinstance(figures.get(kind), dict):
        return None
    value = figures[kind].get("f1")
    return float(value) if isinstance(value, int | float) else None


def figure_rows(run: TrainingRun) -> list[FigureRow]:
    """Micro-F1 before and after, per held-out check and kind of label."""
    rows = []
    for check, description in CHECKS.items():
        before, after = run.before.get(check), run.after.get(check)
        if before is None or after is None:
            reason = "too few paragraphs to hold out" if check == "feedback_cv" else "skipped"
            rows.append(FigureRow(description, None, None, None, reason))
            continue
        note = f"{before.get('paragraphs', '?')} paragraphs, {before.get('folds', '?')} folds"
        rows.extend(
            FigureRow(description, kind, _f1(before, kind), _f1(after, kind), note)
            for kind in KINDS
        )
    return rows


def jobs_of(request: Request) -> IngestJobs:
    jobs: IngestJobs = request.app.state.jobs
    return jobs


def _job_or_404(request: Request, job_id: str, user: User) -> Job:
    job = jobs_of(request).get(job_id, user)
    if job is None or job.kind != "retrain":
        raise HTTPException(status_code=404, detail=N_("There is no such training job"))
    return job


def _run_of(runs: list[TrainingRun], job: Job) -> TrainingRun | None:
    return next((run for run in runs if run.id == job.training_run_id), None)


@router.get("/admin/training")
def training_page(request: Request, db: DbDep, user: Admin) -> Response:
    """Start a retrain; the latest jobs; every recorded run with its figures."""
    runs = training_runs(db)
    jobs = jobs_of(request).recent(user, kind="retrain", limit=5)
    context = {
        "jobs": [{"job": job, "run": _run_of(runs, job)} for job in jobs],
        "runs": [{"run": run, "rows": figure_rows(run)} for run in runs],
        "running": any(not job.finished for job in jobs),
        "figure_rows": figure_rows,
    }
    return render(request, "training.html", context, user=user)


@router.post("/admin/training")
def start_training(
    request: Request,
    user: Admin,
    check_examples: Annotated[bool, Form()] = False,
    retag: Annotated[bool, Form()] = False,
) -> Response:
    """Queue a retrain on the background worker."""
    job = jobs_of(request).submit_retrain(user, check_examples=check_examples, retag=retag)
    if is_htmx(request):
        context = {"job": job, "run": None, "figure_rows": figure_rows}
        return render(request, "_training_job.html", context, user=user)
    return redirect("/admin/training")


@router.get("/admin/training/jobs/{job_id}")
def training_job(request: Request, db: DbDep, job_id: str, user: Admin) -> Response:
    """A retrain's progress (the fragment HTMX polls), with its figures once done."""
    job = _job_or_404(request, job_id, user)
    run = _run_of(training_runs(db), job) if job.training_run_id is not None else None
    context = {"job": job, "run": run, "figure_rows": figure_rows}
    response = render(request, "_training_job.html", context, user=user)
    if job.finished:
        response.headers["HX-Trigger"] = "training-changed"  # the list of runs reloads itself
    return response


def retrain_job_out(job: Job) -> RetrainJobOut:
    return RetrainJobOut(
        id=job.id,
        state=job.state,
        step=job.step,
        progress=job.progress,
        error=job.error,
        training_run_id=job.training_run_id,
        created_at=job.created_at,
    )


@api.post("/training", status_code=202, summary="Retrain the tagger")
def start_training_api(request: Request, body: RetrainIn, user: Admin) -> RetrainJobOut:
    """Refit the tagger on analysts' feedback in the background (poll /api/training/{id});
    new uploads are tagged with the refit once it is done."""
    job = jobs_of(request).submit_retrain(
        user, check_examples=body.check_examples, retag=body.retag
    )
    return retrain_job_out(job)


@api.get("/training/{job_id}", summary="A retrain's progress")
def training_job_api(request: Request, job_id: str, user: Admin) -> RetrainJobOut:
    """The state of a retrain you (or another administrator) started."""
    return retrain_job_out(_job_or_404(request, job_id, user))


@api.get("/training-runs", summary="Recorded training runs")
def training_runs_api(db: DbDep, user: Admin) -> list[TrainingRunOut]:
    """Every recorded retrain, newest first, with the held-out figures before and after."""
    return [
        TrainingRunOut(
            id=run.id,
            at=run.at,
            user=run.user,
            tagger=run.tagger,
            examples=run.examples,
            feedback=run.feedback,
            before=run.before,
            after=run.after,
        )
        for run in training_runs(db)
    ]
