"""Time and peak memory of the per-file limits on hostile inputs (issue 13, points 3 and 4).

Targets: every hostile file is refused in one line naming its limit, or read, within the limits;
peak memory under about 1 GB whatever the input; readers plus repair and structure linear in
their input (10x the size takes about 10x the time).
Run: .venv/bin/python benchmarks/bench_limits.py [--quick] [--only html]
Inputs are generated on the fly into a temporary folder (tests/reliability/hostile_inputs.py);
each is read by `process_file` (read, repair, structure: what `ingest` does per file) in a fresh
subprocess, whose peak RSS (ru_maxrss) is reported. `--quick` runs every case at a tenth of
its size. One line per case: seconds, peak MB, then "refused: <the message>" or "read: N
paragraphs".
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reliability import hostile_inputs as hostile  # noqa: E402

SHORT = "The ministry opened new shelters for all migrants."  # 84 MB / 1.4 M paragraphs
CASE_TIMEOUT = 900.0


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    settings: dict[str, object] = field(default_factory=dict)


def hostile_cases(scale: float) -> list[Case]:
    """The issue's measured inputs, full size at scale 1."""

    def n(value: float) -> int:
        return max(1, int(value * scale))

    return [
        Case("docx: 0.75 MB, document.xml inflates to 200 MB",
             lambda d: hostile.zip_bomb_docx(d / "bomb.docx", inflated_bytes=n(200e6))),
        Case("docx: 2.5 M one-word paragraphs (87 MB inflated)",
             lambda d: hostile.paragraph_bomb_docx(d / "many.docx", paragraphs=n(2.5e6))),
        Case("docx: header lies about document.xml's size",
             lambda d: hostile.lying_zip_bomb_docx(d / "lie.docx", inflated_bytes=n(200e6))),
        Case("html: 50 MB on one line, <p> after <p>",
             lambda d: hostile.one_line_html(d / "one-line.html", megabytes=50 * scale)),
        Case("html: 50 MB on one line, one paragraph",
             lambda d: hostile.one_paragraph_html(d / "one-para.html", megabytes=50 * scale)),
        Case("html: 100 MB paragraph (max_file_mb's size)",
             lambda d: hostile.one_paragraph_html(d / "para100.html", megabytes=99 * scale)),
        Case("text: 84 MB, 1.4 M numbered paragraphs",
             lambda d: hostile.numbered_text(d / "big.txt", paragraphs=n(1.4e6), sentence=SHORT)),
        Case("html: 10k nested <div>",
             lambda d: hostile.nested_html(d / "div10k.html", depth=n(1e4))),
        Case("html: 100k nested <div>",
             lambda d: hostile.nested_html(d / "div100k.html", depth=n(1e5))),
        Case("html: 100k nested <ul><li>",
             lambda d: hostile.nested_lists_html(d / "ul100k.html", depth=n(1e5))),
    ]  # fmt: skip


def linearity_cases(scale: float) -> list[Case]:
    """Each reader with repair and structure at today's size and 10x; the time limit (and the
    depth limit for nesting) raised so that the big ones are measured, not stopped."""
    slow = {"max_read_seconds": 3600.0}
    deep = {"max_nesting_depth": 10**7, **slow}
    cases: list[Case] = []
    for size in (20_000, 200_000):
        k = max(1, int(size * scale))
        cases += [
            Case(f"text: {k} numbered paragraphs",
                 lambda d, k=k: hostile.numbered_text(d / f"t{k}.txt", paragraphs=k), slow),
            Case(f"html: {k} <p> paragraphs",
                 lambda d, k=k: hostile.paragraphs_html(d / f"h{k}.html", paragraphs=k), slow),
            Case(f"docx: {k} paragraphs",
                 lambda d, k=k: hostile.paragraphs_docx(d / f"d{k}.docx", paragraphs=k), slow),
        ]  # fmt: skip
    for depth in (10_000, 100_000):
        k = max(1, int(depth * scale))
        cases += [
            Case(f"html: {k} nested <div>, depth limit raised",
                 lambda d, k=k: hostile.nested_html(d / f"n{k}.html", depth=k), deep),
            Case(f"html: {k} nested <ul><li>, depth limit raised",
                 lambda d, k=k: hostile.nested_lists_html(d / f"l{k}.html", depth=k), deep),
        ]  # fmt: skip
    for pages in (50, 500):
        k = max(1, int(pages * scale))
        cases.append(Case(f"pdf: {k} pages", lambda d, k=k: _pdf(d / f"p{k}.pdf", k), slow))
    return cases


def _pdf(path: Path, pages: int) -> Path:
    from bench_ingest import make_pdf

    make_pdf(path, pages)
    return path


def measure(path: Path, settings: dict[str, object]) -> dict[str, object]:
    """In a fresh process: process_file on the file; seconds, peak MB and the outcome."""
    command = [sys.executable, __file__, "--one", str(path), json.dumps(settings)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=CASE_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return {"seconds": CASE_TIMEOUT, "peak_mb": -1, "outcome": "killed: no answer in time"}
    if done.returncode != 0:
        return {"seconds": -1, "peak_mb": -1, "outcome": f"crashed: {done.stderr[-300:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def one(path: Path, settings_json: str) -> None:
    from gcm_review.errors import GcmReviewError
    from gcm_review.settings import Settings
    from gcm_review.workflows.ingest import process_file

    settings = Settings(log_file="", max_file_mb=1000.0, **json.loads(settings_json))
    started = time.perf_counter()
    try:
        doc = process_file(path, settings=settings)
        outcome = f"read: {len(doc.paragraphs)} paragraphs"
    except GcmReviewError as exc:
        outcome = f"refused: {exc.one_line()}"
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "outcome": outcome}))


def run(cases: list[Case], folder: Path) -> None:
    for case in cases:
        path = case.make(folder)
        size = path.stat().st_size / 1e6
        result = measure(path, case.settings)
        outcome = str(result["outcome"]).replace(str(folder) + "/", "")
        print(
            f"{case.name:<52} {size:8.2f} MB {float(result['seconds']):8.2f} s "  # type: ignore[arg-type]
            f"{float(result['peak_mb']):7.0f} MB peak  {outcome}",  # type: ignore[arg-type]
            flush=True,
        )
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every case at a tenth of its size")
    parser.add_argument("--only", default="", help="run only the cases whose name holds this")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(Path(args.one[0]), args.one[1])
        return
    scale = 0.1 if args.quick else 1.0
    with tempfile.TemporaryDirectory(prefix="bench-limits-") as tmp:
        print("# hostile inputs, default limits (case, file size, time, peak RSS, outcome)")
        run([c for c in hostile_cases(scale) if args.only in c.name], Path(tmp))
        print("# linearity: today's size and 10x (limits raised where needed)")
        run([c for c in linearity_cases(scale) if args.only in c.name], Path(tmp))


if __name__ == "__main__":
    main()
