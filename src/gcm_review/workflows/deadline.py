"""A time limit on the work for one file, in the process's main thread.

A thread cannot interrupt a pure-Python loop, but a signal can: SIGALRM's handler runs between
two bytecodes of the main thread and raises ReadingTooSlow there. A call into C (lxml, pdfium)
finishes first; those calls are bounded by the readers' size, depth and paragraph limits. Off the
main thread (the web app's workers) nothing is armed here: each upload is read in its own
process, which the web app stops at the same limit (see `workflows.isolated`).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from gcm_review.errors import ReadingTooSlow


@contextmanager
def time_limit(seconds: float, *, path: str) -> Iterator[None]:
    """Raise ReadingTooSlow in the `with` block once `seconds` have passed (main thread only).

    A timer armed before is put back afterwards, with what is left of its delay.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise ReadingTooSlow.past(path, f"reading took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    outer_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay > 0:
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
