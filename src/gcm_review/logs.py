"""Logging: set up once at each edge, and bugs logged with their traceback.

Every module logs through ``logging.getLogger(__name__)``, so all records fall under the
``gcm_review`` logger. The edges (the CLI when a command resolves its settings, the web app when
it is created) call ``setup_logging(settings.log_file_path)`` once: records of level INFO and
above go to that file (created on the first record), and nothing is printed. An empty
``log_file`` setting keeps no file; warnings then reach standard error through Python's default.

``internal_error`` is how the core reports a bug (an exception that is none of the named errors):
the traceback goes to the log, and the user gets one line that names the file, says it is a bug
and not bad input, and points at the log file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gcm_review.errors import InternalError

ROOT_LOGGER = "gcm_review"
_HANDLER_NAME = "gcm-review-log-file"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_SUMMARY_CHARS = 160


class _LogFile(logging.FileHandler):
    """A file handler that makes its folder when it first writes."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed leaves it untyped
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def setup_logging(log_file: Path | None) -> None:
    """Send gcm_review's records to `log_file` (None: no file); calling it again replaces it."""
    logger = logging.getLogger(ROOT_LOGGER)
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            logger.removeHandler(handler)
            handler.close()
    if log_file is None:
        return
    handler = _LogFile(log_file, encoding="utf-8", delay=True)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def log_file_in_use() -> Path | None:
    """The file that setup_logging last chose, if any."""
    for handler in logging.getLogger(ROOT_LOGGER).handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def internal_error(
    logger: logging.Logger, exc: BaseException, *, doing: str, path: str | None = None
) -> InternalError:
    """Log `exc` with its traceback; return the InternalError that tells the user instead."""
    where = f" ({path})" if path else ""
    logger.error("internal error while %s%s", doing, where, exc_info=exc)
    summary = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(summary) > _SUMMARY_CHARS:
        summary = summary[: _SUMMARY_CHARS - 1] + "…"
    log_file = log_file_in_use()
    return InternalError(
        f"internal error while {doing} ({summary})",
        path=path,
        log_file=str(log_file) if log_file else None,
    )
