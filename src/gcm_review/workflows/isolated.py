"""Read, repair and structure one file in a worker process of its own, so that no file can hold
the caller for longer than `max_read_seconds` or make it grow past `max_read_memory_mb`.

The workers are forked from a small server process (multiprocessing's "forkserver") that has
imported the reading stages once, so a worker starts in milliseconds, without the caller's
threads, database connections or tagger. The worker caps its own address space with
`resource.setrlimit` (what it started with plus `max_read_memory_mb`); the caller waits for its
answer at most `max_read_seconds` plus a grace, then kills it. Errors cross the pipe as data and
are raised again here: a named InputError stays the same class with the same message.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from gcm_review import errors
from gcm_review.errors import (
    GcmReviewError,
    InputError,
    InternalError,
    ReadingOutOfMemory,
    ReadingTooSlow,
)
from gcm_review.logs import internal_error, setup_logging
from gcm_review.model import StructuredDocument
from gcm_review.settings import Settings

LOG = logging.getLogger(__name__)

GRACE_SECONDS = 5.0  # the worker's own time limit fires first; this catches a stuck C call
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["gcm_review.workflows.ingest"])
_Answer = tuple[str, Any]


def process_file_isolated(path: Path, *, settings: Settings) -> StructuredDocument:
    """`process_file` in a worker process; the same result or the same named error.

    Raises ReadingTooSlow when the worker does not answer in time (it is killed), and
    ReadingOutOfMemory when it runs out of its memory or dies.
    """
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    worker = _CONTEXT.Process(
        target=_work, args=(sender, str(path), settings), name="gcm-review-reader", daemon=True
    )
    worker.start()
    sender.close()
    try:
        answer = _answer(receiver, worker, path=path, settings=settings)
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    return _result(answer)


def _answer(receiver: Connection, worker: Any, *, path: Path, settings: Settings) -> _Answer:
    seconds = settings.max_read_seconds
    if not receiver.poll(seconds + GRACE_SECONDS):
        raise ReadingTooSlow.past(str(path), f"reading took longer than {seconds:g} s")
    try:
        answer: _Answer = receiver.recv()
    except (EOFError, OSError):  # the worker ended without a word
        worker.join(1.0)
        code = worker.exitcode
        if code is not None and code < 0:  # killed by a signal: the memory cap, or the OOM killer
            what = (
                f"the reading process was stopped by signal {-code}, most likely past the "
                f"memory limit of {settings.max_read_memory_mb:g} MB"
            )
            raise ReadingOutOfMemory.past(str(path), what) from None
        message = f"the reading process ended without an answer (exit code {code})"
        raise InternalError(message, path=str(path)) from None
    return answer


def _result(answer: _Answer) -> StructuredDocument:
    kind, value = answer
    if kind == "done":
        doc: StructuredDocument = value
        return doc
    if kind == "input":
        name, path, message, hint = value
        cls = getattr(errors, name, None)
        if not (isinstance(cls, type) and issubclass(cls, InputError)):
            cls = InputError
        raise cls(path, message, hint=hint)
    if kind == "internal":
        message, path, log_file = value
        raise InternalError(message, path=path, log_file=log_file)
    raise GcmReviewError(str(value))  # another named error, already one line with its hint


def _work(sender: Connection, path: str, settings: Settings) -> None:
    """The worker: cap memory, process the file, send back the document or the error."""
    setup_logging(settings.log_file_path)
    _cap_memory(settings.max_read_memory_mb)
    try:
        sender.send(("done", _process(Path(path), settings)))
    except MemoryError:
        # The traceback still holds what filled the memory: lift the cap so the report can be
        # made and sent (the worker ends right after).
        _lift_memory_cap()
        limit = f"{settings.max_read_memory_mb:g} MB"
        error = ReadingOutOfMemory.past(path, f"reading needed more than {limit} of memory")
        sender.send(("input", (type(error).__name__, path, str(error), error.hint)))
    except InputError as exc:
        sender.send(("input", (type(exc).__name__, exc.path, str(exc), exc.hint)))
    except InternalError as exc:
        sender.send(("internal", (str(exc), exc.path, exc.log_file)))
    except GcmReviewError as exc:
        sender.send(("other", exc.one_line()))
    except Exception as exc:  # a bug on this file: logged with its traceback in the worker
        bug = internal_error(LOG, exc, doing="reading it", path=path)
        sender.send(("internal", (str(bug), bug.path, bug.log_file)))
    finally:
        sender.close()


def _process(path: Path, settings: Settings) -> StructuredDocument:
    from gcm_review.workflows.ingest import process_file  # preloaded in the fork server

    return process_file(path, settings=settings)


def _cap_memory(megabytes: float) -> None:
    """Let the address space grow by `megabytes` beyond what the worker starts with."""
    start = _address_space_bytes()
    limit = start + int(megabytes * 1_000_000)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _lift_memory_cap() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _address_space_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * resource.getpagesize()
