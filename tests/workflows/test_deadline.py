"""The per-file time limit in the main thread."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from gcm_review.errors import ReadingTooSlow
from gcm_review.workflows.deadline import time_limit


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # a pure-Python loop, which no thread could interrupt
        pass


def test_a_pure_python_loop_is_stopped_at_the_limit() -> None:
    started = time.monotonic()
    with pytest.raises(ReadingTooSlow) as caught, time_limit(0.2, path="slow.txt"):
        busy(5.0)
    assert time.monotonic() - started < 2.0
    assert caught.value.one_line() == (
        "slow.txt: reading took longer than 0.2 s (max_read_seconds); raise it with "
        "GCM_REVIEW_MAX_READ_SECONDS if the file is genuine"
    )
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_quick_work_is_untouched_and_an_outer_timer_is_put_back() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(10.0, path="quick.txt"):
            busy(0.05)
        delay, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0.0 < delay < 0.5
        busy(0.7)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_nothing_is_armed() -> None:
    seen: list[tuple[float, float]] = []

    def work() -> None:
        with time_limit(0.01, path="x.txt"):
            busy(0.05)
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(0.0, 0.0)]


def test_a_limit_swallowed_by_a_callback_fires_again() -> None:
    class Finalised:
        def __del__(self) -> None:
            busy(0.3)  # the limit passes in here, where no exception can get out

    started = time.monotonic()
    with pytest.raises(ReadingTooSlow), time_limit(0.1, path="slow.txt"):
        Finalised()  # collected at once: its __del__ swallows the first SIGALRM
        busy(5.0)
    assert time.monotonic() - started < 2.0
