"""A time limit on the work for one file, in the process's main thread.

A thread cannot interrupt a pure-Python loop, but a signal can: SIGALRM's handler runs between
two bytecodes of the main thread and raises ReadingTooSlow there. A call into C (lxml, pdfium)
finishes first; those calls are bounded by the readers' size, depth and paragraph limits. The
handler may land where an exception cannot propagate (a weakref callback or `__del__` run by
the garbage collector, or a library's `except Exception`), so the timer repeats every
RETRY_SECONDS until the exception gets through, and the swallowed ones are kept out of
`sys.unraisablehook`. Off the main thread (the web app's workers) nothing is armed here: each
upload is read in its own process, which the web app stops at the same limit
(see `workflows.isolated`).
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from gcm_review.errors import ReadingTooSlow

RETRY_SECONDS = 0.05


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

    previous_handler = signal.signal(signal.SIGALRM, expired)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _without_own(previous_hook)
    outer_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        sys.unraisablehook = previous_hook
        if outer_delay > 0:
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def _without_own(hook: Callable[[Any], object]) -> Callable[[Any], None]:
    """An unraisable hook that drops the ReadingTooSlow a callback swallowed (the timer
    repeats) and hands anything else to `hook`."""

    def unraisable(event: Any) -> None:
        if not isinstance(event.exc_value, ReadingTooSlow):
            hook(event)

    return unraisable
