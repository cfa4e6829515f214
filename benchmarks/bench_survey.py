"""Speed and memory of survey analysis (issue 6 target: 100,000 responses x 80 questions with 3
disaggregations in under 30 s on 2 cores).

Run: .venv/bin/python benchmarks/bench_survey.py [--responses 100000] [--keep DIR]
A synthetic XLSForm and a KoboToolbox-style CSV export (fixed seed) are written to a temporary
folder: 3 grouping questions, 50 select_one (10 of them behind a `relevant`), 15 select_multiple
(space-separated column plus one 0/1 column per option), 7 integer and 5 text questions. The
analysis runs in a fresh child process, so its peak memory is measured on its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import openpyxl

SEED = 6
GROUPINGS = (("region", 6), ("stakeholder", 8), ("sex", 3))
SELECT_ONE = 50
RELEVANT_EVERY = 5  # every 5th select_one is asked only when the one before is 'c1'
SELECT_MULTIPLE = 15
INTEGERS = 7
TEXTS = 5
ONE_CHOICES = 5  # c1..c4 and dont_know
MULTIPLE_CHOICES = 10
TARGET_SECONDS = 30.0


def write_form(path: Path) -> None:
    """The XLSForm of the synthetic survey."""
    workbook = openpyxl.Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "relevant"])
    for name, _ in GROUPINGS:
        survey.append([f"select_one {name}", name, name.title(), ""])
    for i in range(SELECT_ONE):
        relevant = f"${{s{i - 1}}} = 'c1'" if i and i % RELEVANT_EVERY == 0 else ""
        survey.append(["select_one scale", f"s{i}", f"Single {i}", relevant])
    for i in range(SELECT_MULTIPLE):
        survey.append(["select_multiple topics", f"m{i}", f"Multiple {i}", ""])
    for i in range(INTEGERS):
        survey.append(["integer", f"n{i}", f"Number {i}", ""])
    for i in range(TEXTS):
        survey.append(["text", f"t{i}", f"Text {i}", ""])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)"])
    for name, size in GROUPINGS:
        for k in range(size):
            choices.append([name, f"{name}{k}", f"{name.title()} {k}"])
    for k in range(1, ONE_CHOICES):
        choices.append(["scale", f"c{k}", f"Choice {k}"])
    choices.append(["scale", "dont_know", "Don't know"])
    for k in range(MULTIPLE_CHOICES):
        choices.append(["topics", f"o{k}", f"Option {k}"])
    workbook.save(path)


def write_export(path: Path, responses: int) -> None:
    """The CSV export, drawn with a fixed seed."""
    rng = np.random.default_rng(SEED)
    header = ["_uuid", "weight", *(name for name, _ in GROUPINGS)]
    columns: list[np.ndarray] = [
        np.array([f"uuid-{i}" for i in range(responses)], dtype=object),
        np.round(rng.uniform(0.5, 2.0, responses), 3).astype(str).astype(object),
    ]
    for name, size in GROUPINGS:
        columns.append(
            np.array([f"{name}{k}" for k in range(size)], dtype=object)[
                rng.integers(0, size, responses)
            ]
        )
    one_names = np.array(["", "c1", "c2", "c3", "c4", "dont_know"], dtype=object)
    previous = None
    for i in range(SELECT_ONE):
        values = one_names[rng.choice(6, responses, p=[0.03, 0.3, 0.25, 0.2, 0.15, 0.07])]
        if previous is not None and i % RELEVANT_EVERY == 0:
            values = np.where(previous == "c1", values, "")
        header.append(f"s{i}")
        columns.append(values)
        previous = values
    for i in range(SELECT_MULTIPLE):
        picks = rng.random((responses, MULTIPLE_CHOICES)) < 0.25
        joined = np.array(
            [" ".join(f"o{k}" for k in np.flatnonzero(row)) for row in picks], dtype=object
        )
        header += [f"m{i}", *(f"m{i}/o{k}" for k in range(MULTIPLE_CHOICES))]
        columns += [
            joined,
            *(picks[:, k].astype(int).astype(str).astype(object) for k in range(MULTIPLE_CHOICES)),
        ]
    for i in range(INTEGERS):
        header.append(f"n{i}")
        columns.append(rng.integers(0, 40, responses).astype(str).astype(object))
    texts = np.array(["", "More data", "Plus de droits", "حماية العمال"], dtype=object)
    for i in range(TEXTS):
        header.append(f"t{i}")
        columns.append(texts[rng.integers(0, 4, responses)])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(zip(*columns, strict=True))


def analyse_in_this_process(form: Path, data: Path) -> None:
    """Child process: time analyse_survey and print seconds, rows and peak memory as JSON."""
    from gcm_review.survey import analyse_survey

    start = time.perf_counter()
    result = analyse_survey(form, data, weights="weight", by=[name for name, _ in GROUPINGS])
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": len(result.rows),
                "peak_mib": peak_mib,
                "respondents": result.respondents,
                "problems": len(result.problems),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the synthetic files here and keep them")
    parser.add_argument("--analyse", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyse:
        analyse_in_this_process(*args.analyse)
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        form, data = folder / "bench-form.xlsx", folder / "bench-export.csv"
        questions = len(GROUPINGS) + SELECT_ONE + SELECT_MULTIPLE + INTEGERS + TEXTS
        print(f"writing {args.responses:,} responses x {questions} questions ...", flush=True)
        write_form(form)
        write_export(data, args.responses)
        print(f"export: {data.stat().st_size / 2**20:.1f} MiB", flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--analyse", str(form), str(data)],
            check=True,
            capture_output=True,
            text=True,
        )
    figures = json.loads(child.stdout)
    verdict = "ok" if figures["seconds"] < TARGET_SECONDS else "TOO SLOW"
    print(
        f"analyse_survey with weights and 3 --by: {figures['seconds']:.1f} s "
        f"(target < {TARGET_SECONDS:.0f} s: {verdict}); peak memory {figures['peak_mib']:.0f} MiB; "
        f"{figures['rows']:,} result rows for {figures['respondents']:,} responses"
    )
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())
