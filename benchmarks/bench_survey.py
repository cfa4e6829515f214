"""Speed and memory of survey analysis (issue 6 target: 100,000 responses x 80 questions with 3
disaggregations in under 30 s on 2 cores; issue 13: linear in free-text answers, about 1 GB).

Run: .venv/bin/python benchmarks/bench_survey.py [--responses 100000] [--keep DIR]
     .venv/bin/python benchmarks/bench_survey.py --free-text [--responses 240000]
A synthetic XLSForm and a KoboToolbox-style CSV export (fixed seed) are written to a temporary
folder: 3 grouping questions, 50 select_one (10 of them behind a `relevant`), 15 select_multiple
(space-separated column plus one 0/1 column per option), 7 integer and 5 text questions. The
analysis runs in a fresh child process, so its peak memory is measured on its own.

--free-text writes a free-text-heavy export instead (one grouping, 2 select_one and 2 long text
questions, about 450 bytes per response: 240,000 responses make about 108 MB) and times the
analysis and writing every output (survey_results.xlsx holds each written answer).
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
FREE_TEXT_TARGET_SECONDS = 120.0  # 240,000 answers; before issue 13 this did not end in 600 s
_WORDS = (
    "migrants",
    "access",
    "services",
    "consultation",
    "regular",
    "pathways",
    "protection",
    "data",
    "returns",
    "labour",
    "rights",
    "la",
    "des",
    "travailleurs",
    "العمال",
    "حماية",
)


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


def write_free_text_form(path: Path) -> None:
    """The XLSForm of the free-text-heavy survey."""
    workbook = openpyxl.Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)"])
    survey.append(["select_one region", "region", "Region"])
    survey.append(["select_one scale", "s0", "Single 0"])
    survey.append(["select_one scale", "s1", "Single 1"])
    survey.append(["text", "t0", "What works?"])
    survey.append(["text", "t1", "What should change?"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)"])
    for k in range(GROUPINGS[0][1]):
        choices.append(["region", f"region{k}", f"Region {k}"])
    for k in range(1, ONE_CHOICES):
        choices.append(["scale", f"c{k}", f"Choice {k}"])
    workbook.save(path)


def write_free_text_export(path: Path, responses: int) -> None:
    """A CSV export whose bulk is written answers (some with line breaks and quotes)."""
    rng = np.random.default_rng(SEED)
    words = np.array(_WORDS, dtype=object)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["_uuid", "region", "s0", "s1", "t0", "t1"])
        for start in range(0, responses, 10_000):
            size = min(10_000, responses - start)
            lengths = rng.integers(10, 45, (size, 2))
            regions = rng.integers(0, GROUPINGS[0][1], size)
            scale = rng.integers(1, ONE_CHOICES, (size, 2))
            for i in range(size):
                texts = [
                    " ".join(words[rng.integers(0, len(words), lengths[i, j])]) for j in range(2)
                ]
                if i % 50 == 0:
                    texts[1] = f'"{texts[1]}",\n{texts[0]}'
                writer.writerow(
                    [
                        f"uuid-{start + i}",
                        f"region{regions[i]}",
                        f"c{scale[i, 0]}",
                        f"c{scale[i, 1]}",
                        *texts,
                    ]
                )


def analyse_in_this_process(form: Path, data: Path, *, free_text: bool = False) -> None:
    """Child process: time analyse_survey (and, for --free-text, writing the outputs) and print
    seconds, rows and peak memory as JSON."""
    from gcm_review.survey import analyse_survey, write_survey_outputs

    start = time.perf_counter()
    if free_text:
        result = analyse_survey(form, data, by=["region"])
    else:
        result = analyse_survey(form, data, weights="weight", by=[name for name, _ in GROUPINGS])
    seconds = time.perf_counter() - start
    write_seconds = 0.0
    if free_text:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            write_survey_outputs(result, Path(out))
            write_seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "write_seconds": write_seconds,
                "rows": len(result.rows),
                "answers": sum(len(t.answers) for t in result.texts),
                "peak_mib": peak_mib,
                "respondents": result.respondents,
                "problems": len(result.problems),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--responses", type=int, help="100,000 (240,000 with --free-text)")
    parser.add_argument("--free-text", action="store_true", help="a free-text-heavy export")
    parser.add_argument("--keep", type=Path, help="write the synthetic files here and keep them")
    parser.add_argument("--analyse", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyse:
        analyse_in_this_process(*args.analyse, free_text=args.free_text)
        return 0
    responses = args.responses or (240_000 if args.free_text else 100_000)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        form, data = folder / "bench-form.xlsx", folder / "bench-export.csv"
        if args.free_text:
            print(f"writing {responses:,} free-text-heavy responses ...", flush=True)
            write_free_text_form(form)
            write_free_text_export(data, responses)
        else:
            questions = len(GROUPINGS) + SELECT_ONE + SELECT_MULTIPLE + INTEGERS + TEXTS
            print(f"writing {responses:,} responses x {questions} questions ...", flush=True)
            write_form(form)
            write_export(data, responses)
        print(f"export: {data.stat().st_size / 2**20:.1f} MiB", flush=True)
        command = [sys.executable, __file__, "--analyse", str(form), str(data)]
        child = subprocess.run(
            command + (["--free-text"] if args.free_text else []),
            check=True,
            capture_output=True,
            text=True,
        )
    figures = json.loads(child.stdout)
    return _report_free_text(figures) if args.free_text else _report(figures)


def _report(figures: dict[str, float]) -> int:
    verdict = "ok" if figures["seconds"] < TARGET_SECONDS else "TOO SLOW"
    print(
        f"analyse_survey with weights and 3 --by: {figures['seconds']:.1f} s "
        f"(target < {TARGET_SECONDS:.0f} s: {verdict}); peak memory {figures['peak_mib']:.0f} MiB; "
        f"{figures['rows']:,} result rows for {figures['respondents']:,} responses"
    )
    return 0 if verdict == "ok" else 1


def _report_free_text(figures: dict[str, float]) -> int:
    total = figures["seconds"] + figures["write_seconds"]
    verdict = "ok" if total < FREE_TEXT_TARGET_SECONDS else "TOO SLOW"
    print(
        f"free text: analyse_survey {figures['seconds']:.1f} s, writing the outputs "
        f"{figures['write_seconds']:.1f} s (target < {FREE_TEXT_TARGET_SECONDS:.0f} s in all: "
        f"{verdict}); peak memory {figures['peak_mib']:.0f} MiB; {figures['answers']:,} written "
        f"answers of {figures['respondents']:,} responses; {figures['problems']:,} problem(s)"
    )
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())
