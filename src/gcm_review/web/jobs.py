"""Background work of the web app, while the page polls the job's status: uploads, retrains and
long exports.

Each upload is read, repaired and structured in a worker process of its own
(`workflows.isolated`), within the time and memory limits, driven by one of READ_WORKERS
threads: a hostile file holds one of them until its time limit and never the server's memory
or the other uploads. Storing and tagging the documents read, and retraining the tagger, run
one at a time on one thread.

The ingest tagger is trained with the analysts' feedback in the database when it is first
needed, and trained again after a retrain (or `forget_tagger`), so new uploads use the refit.

Exports (the report as HTML or Word, the matrix workbook) are written one at a time on a thread
of their own into the jobs' folder, and downloaded from there when done. The job list is pruned
whenever a job is added: finished jobs older than the `job_days_kept` setting go (with their
file), then the oldest finished ones beyond `jobs_kept`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from gcm_review.embed import CachedEmbedder
from gcm_review.errors import GcmReviewError, InputError, InternalError
from gcm_review.ingest import reader_name
from gcm_review.logs import internal_error
from gcm_review.model import StructuredDocument
from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.document_admin import record_upload
from gcm_review.store.documents import Uploader, find_document_by_hash, save_document
from gcm_review.store.training_runs import TrainingRun
from gcm_review.store.users import User
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.web.catalogues import N_
from gcm_review.web.failures import web_message
from gcm_review.web.uploads import StoredUpload, as_named, bug_as_named, with_name
from gcm_review.workflows.copies import relate_new_document
from gcm_review.workflows.feedback import retrain, settings_tagger
from gcm_review.workflows.ingest import file_sha256
from gcm_review.workflows.isolated import process_file_isolated
from gcm_review.workflows.tagging import tag_documents

LOG = logging.getLogger(__name__)

JobState = Literal["queued", "reading", "tagging", "training", "writing", "done", "failed"]
JobKind = Literal["ingest", "retrain", "export"]
Retrainer = Callable[..., TrainingRun]  # workflows.feedback.retrain's signature
FileProcessor = Callable[..., StructuredDocument]  # (path, *, settings) -> the structured file
Progress = Callable[[float, str], None]  # (share done, what is happening) -> None
FileMaker = Callable[[Path, Progress], None]  # writes the file at the path, reporting progress
Clock = Callable[[], datetime]
READ_WORKERS = 2  # uploads read at the same time, each in its own process
RETRAIN_NAME = N_("Retrain the tagger")


@dataclass(frozen=True)
class Job:
    """The state of one upload's ingest."""

    id: str
    owner: str
    name: str
    state: JobState
    step: str  # what is happening, for people
    progress: float  # 0 to 1
    created_at: datetime
    document_id: int | None = None
    outcome: str | None = None  # "new", "new-version" or "unchanged"
    error: str | None = None  # one line: the problem and what to do
    kind: JobKind = "ingest"
    training_run_id: int | None = None  # the run a finished retrain recorded
    file: Path | None = None  # the file a finished export wrote
    scope: str | None = None  # an export's: the country of the documents it holds, if one
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


class IngestJobs:
    """Runs upload ingests and retrains and remembers the latest jobs' states."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        tagger_loader: Callable[[], GcmTagger] | None = None,
        retrainer: Retrainer = retrain,
        file_processor: FileProcessor = process_file_isolated,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.settings = settings
        self.tagger_loader = tagger_loader or self._default_tagger
        self.retrainer = retrainer
        self.file_processor = file_processor
        self._tagger: GcmTagger | None = None
        # Called after an upload is stored and tagged (the app refills its search index).
        self.on_stored: Callable[[], None] | None = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: set[Future[Any]] = set()
        self._readers = ThreadPoolExecutor(
            max_workers=READ_WORKERS, thread_name_prefix="gcm-review-read"
        )
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gcm-review-ingest")
        self._exporter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gcm-review-export")
        self._clock = clock
        self._folder: Path | None = None  # where exports are written, made on first use

    def _default_tagger(self) -> GcmTagger:
        return settings_tagger(self.db, self.settings)

    def submit(self, upload: StoredUpload, user: User) -> Job:
        """Queue the upload's ingest; returns the queued job."""
        job = self._queue(user, upload.name, N_("Waiting for a reading worker"))
        self._track(self._readers.submit(self._run, job.id, upload, user))
        return job

    def get(self, job_id: str, user: User) -> Job | None:
        """The job, if it exists and is the user's own (admins see every job)."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or (job.owner != user.name and user.role != "admin"):
            return None
        return job

    def recent(self, user: User, *, limit: int = 10, kind: JobKind = "ingest") -> list[Job]:
        """The user's latest jobs of that kind, newest first (every admin's retrains for an
        admin)."""
        with self._lock:
            jobs = [
                job
                for job in reversed(self._jobs.values())
                if job.kind == kind
                and (job.owner == user.name or (kind == "retrain" and user.role == "admin"))
                and (kind != "export" or job.scope == user.document_scope)
            ]
        return jobs[:limit]

    def submit_retrain(
        self, user: User, *, check_examples: bool = True, retag: bool = False
    ) -> Job:
        """Queue a retrain of the tagger on the analysts' feedback; returns the queued job."""
        job = self._queue(
            user, RETRAIN_NAME, N_("Waiting for the running job to finish"), kind="retrain"
        )
        self._track(self._executor.submit(self._retrain, job.id, user.name, check_examples, retag))
        return job

    def submit_export(self, user: User, name: str, make: FileMaker) -> Job:
        """Queue the writing of an export file (`make(path, progress)`); returns the job."""
        job = self._queue(
            user,
            name,
            N_("Waiting for the export before it to finish"),
            kind="export",
            scope=user.document_scope,
        )
        self._track(self._exporter.submit(self._export, job.id, name, make))
        return job

    def _export(self, job_id: str, name: str, make: FileMaker) -> None:
        """On the export thread: write the file into a folder of its own."""
        folder = self._export_folder() / job_id
        folder.mkdir()
        path = folder / name

        def progress(share: float, step: str) -> None:
            self._update(job_id, state="writing", step=step, progress=share)

        try:
            make(path, progress)
        except GcmReviewError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            self._update(job_id, state="failed", step=N_("Failed"), error=web_message(exc))
            return
        except Exception as exc:  # a bug must show as a failed job, not vanish; logged
            shutil.rmtree(folder, ignore_errors=True)
            bug = internal_error(LOG, exc, doing=f"writing {name}")
            self._update(job_id, state="failed", step=N_("Failed"), error=web_message(bug))
            return
        self._update(job_id, state="done", step=N_("Ready to download"), progress=1.0, file=path)

    def _export_folder(self) -> Path:
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="gcm-review-exports-"))
            return self._folder

    def forget_tagger(self) -> None:
        """Load the tagger afresh for the next upload (after it was retrained)."""
        self._track(self._executor.submit(self._drop_tagger))

    def _drop_tagger(self) -> None:
        tagger, self._tagger = self._tagger, None
        embedder = getattr(tagger, "embedder", None)
        if isinstance(embedder, CachedEmbedder):
            embedder.close()  # its vector cache file; opened on this thread

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until every job queued so far has finished (for tests and shutdown);
        TimeoutError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = list(self._pending)
            if not pending:
                return
            left = deadline - time.monotonic()
            if left <= 0 or wait(pending, timeout=left).not_done:
                raise TimeoutError(f"background jobs still running after {timeout:g} s")

    def shutdown(self) -> None:
        """Finish the running jobs and stop the workers."""
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._exporter.shutdown(wait=True, cancel_futures=True)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    def _track(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._untrack)

    def _untrack(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def _put(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job
            self._jobs.move_to_end(job.id)
            dropped = self._prune()
        for gone in dropped:
            if gone.file is not None:
                shutil.rmtree(gone.file.parent, ignore_errors=True)

    def _prune(self) -> list[Job]:
        """Drop finished jobs older than the settings allow, then the oldest finished ones
        beyond the number kept (running jobs always stay); the jobs dropped. Holds the lock."""
        oldest = self._clock() - timedelta(days=self.settings.job_days_kept)
        dropped = [
            job
            for job in self._jobs.values()
            if job.finished and (job.finished_at or job.created_at) < oldest
        ]
        finished = [job for job in self._jobs.values() if job.finished and job not in dropped]
        excess = len(self._jobs) - len(dropped) - self.settings.jobs_kept
        dropped += finished[: max(excess, 0)]
        for job in dropped:
            del self._jobs[job.id]
        return dropped

    def _queue(self, user: User, name: str, step: str, **fields: Any) -> Job:
        """A new queued job of `user`'s, remembered; `fields` set its kind and scope."""
        job = Job(
            id=uuid.uuid4().hex,
            owner=user.name,
            name=name,
            state="queued",
            step=step,
            progress=0.0,
            created_at=self._clock(),
            **fields,
        )
        self._put(job)
        return job

    def _update(self, job_id: str, **changes: object) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                if changes.get("state") in ("done", "failed"):
                    changes["finished_at"] = self._clock()
                self._jobs[job_id] = replace(job, **changes)  # type: ignore[arg-type]

    def _tagger_instance(self) -> GcmTagger:
        if self._tagger is None:
            self._tagger = self.tagger_loader()
        return self._tagger

    def _run(self, job_id: str, upload: StoredUpload, user: User) -> None:
        """On a reading thread: read the upload in its worker process, then queue storing it."""
        self._guarded(job_id, upload, lambda: self._read(job_id, upload, user))

    def _guarded(self, job_id: str, upload: StoredUpload, step: Callable[[], None]) -> None:
        """Run a step of an upload's job; any failure becomes the job's one-line error."""
        try:
            step()
        except GcmReviewError as exc:
            error: GcmReviewError = exc
            if isinstance(exc, InputError):
                error = as_named(exc, upload.name)
            elif isinstance(exc, InternalError):
                error = bug_as_named(exc, upload)
            self._fail(job_id, upload, web_message(error))
        except Exception as exc:  # a bug must show as a failed job, not vanish; logged
            bug = internal_error(LOG, exc, doing="ingesting it", path=upload.name)
            self._fail(job_id, upload, web_message(bug))

    def _retrain(self, job_id: str, user_name: str, check_examples: bool, retag: bool) -> None:
        step = N_("Scoring the tagger without and with the analysts' feedback")
        if retag:
            step += ", then tagging the stored documents again"
        self._update(job_id, state="training", step=step, progress=0.2)
        try:
            run = self.retrainer(
                self.db,
                settings=self.settings,
                user=user_name,
                check_examples=check_examples,
                retag=retag,
            )
        except GcmReviewError as exc:
            self._update(job_id, state="failed", step=N_("Failed"), error=web_message(exc))
            return
        except Exception as exc:  # a bug must show as a failed job, not vanish; logged
            bug = internal_error(LOG, exc, doing="retraining")
            self._update(job_id, state="failed", step=N_("Failed"), error=web_message(bug))
            return
        # Same as forget_tagger, at once: an upload queued behind this job gets the refit.
        self._drop_tagger()
        self._update(
            job_id,
            state="done",
            step=f"Recorded training run {run.id}",
            progress=1.0,
            training_run_id=run.id,
        )

    def _fail(self, job_id: str, upload: StoredUpload, error: str) -> None:
        self._update(job_id, state="failed", step=N_("Failed"), error=error)
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or job.document_id is None:
            upload.path.unlink(missing_ok=True)  # nothing was stored from it

    def _read(self, job_id: str, upload: StoredUpload, user: User) -> None:
        known = find_document_by_hash(self.db, file_sha256(upload.path))
        if known is not None:
            upload.path.unlink(missing_ok=True)
            self._update(
                job_id,
                state="done",
                step=N_("This file is already stored"),
                progress=1.0,
                outcome="unchanged",
                document_id=known.document_id,
            )
            return
        self._update(job_id, state="reading", step=N_("Reading and structuring"), progress=0.1)
        read = self.file_processor(Path(upload.path), settings=self.settings)
        doc = with_name(read, upload.name)
        self._update(job_id, step=N_("Waiting to store and tag"), progress=0.2)
        store = self._executor.submit(
            self._guarded, job_id, upload, lambda: self._store_and_tag(job_id, doc, user)
        )
        self._track(store)

    def _store_and_tag(self, job_id: str, doc: StructuredDocument, user: User) -> None:
        """On the store thread: save the document read, record the upload and tag it."""
        country = user.country if user.role == "focal-point" else None
        saved = save_document(
            self.db,
            doc,
            reader=reader_name(doc.repaired.source.format),
            uploader=Uploader(user.name, user.id, country),
        )
        if saved.status != "unchanged":
            record_upload(self.db, saved.document_id, user=user)
            relate_new_document(self.db, saved.document_id, user_name=user.name)
        self._update(
            job_id,
            state="tagging",
            step=N_("Tagging paragraphs (the first upload also prepares the tagger)"),
            progress=0.3,
            document_id=saved.document_id,
            outcome=saved.status,
        )
        tag_documents(
            self.db,
            tagger=self._tagger_instance(),
            document_ids=[saved.document_id],
            on_progress=lambda done, total: self._update(
                job_id, progress=0.3 + 0.7 * done / max(total, 1)
            ),
        )
        self._update(job_id, state="done", step=N_("Stored and tagged"), progress=1.0)
        if self.on_stored is not None:
            self.on_stored()
