"""Benchmark classify_lines against a trivial json.loads+len pipeline in the same run.

    python -m bench.classify [N]

Machines are noisy, so the ratio to the baseline matters more than texts/s.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time

from engage.analysis.classify import classify_lines
from engage.analysis.safeguarding import screen
from engage.analysis.tagging import default_tagger, read_jsonl

_PREFIXES = ("", "", "honestly ", "I think ", "tbh ", "Also, ", "my view: ")
_SUFFIXES = ("", "", " thanks", " pls", "!!", " lol", ". That's all.", " and nobody listens")


def synthetic_lines(n: int, seed: int = 7) -> list[str]:
    """Build n JSON lines from the training texts with random prefixes, suffixes and joins."""
    rng = random.Random(seed)
    pool = [row["text"] for name in ("comments_train.jsonl", "safeguarding_train.jsonl")
            for row in read_jsonl(name)]
    lines = []
    for _ in range(n):
        text = rng.choice(pool)
        if rng.random() < 0.3:
            text = f"{text}. {rng.choice(pool)}"
        text = rng.choice(_PREFIXES) + text + rng.choice(_SUFFIXES)
        lines.append(json.dumps({"text": text.upper() if rng.random() < 0.03 else text}))
    return lines


def rate(func, lines: list[str]) -> float:
    """Return lines per second for func over all lines."""
    start = time.perf_counter()
    func(lines)
    return len(lines) / (time.perf_counter() - start)


def baseline(lines: list[str]) -> None:
    for line in lines:
        len(json.loads(line)["text"])


def full(lines: list[str]) -> None:
    for _ in classify_lines(lines):
        pass


def screen_median_ms(lines: list[str]) -> float:
    """Median wall time of one screen() call, in milliseconds."""
    texts = [json.loads(line)["text"] for line in lines[:5000]]
    times = []
    for text in texts:
        start = time.perf_counter()
        screen(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 20_000
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the card asks
    lines = synthetic_lines(n)
    start = time.perf_counter()
    default_tagger()
    print(f"train_s={time.perf_counter() - start:.2f}")
    full(lines[:500])  # warm up lazy lexicons
    base, rps = rate(baseline, lines), rate(full, lines)
    median = screen_median_ms(lines)
    print(f"texts={n} full_pipeline={rps:,.0f}/s baseline={base:,.0f}/s")
    print(f"classify_rps={rps:.0f} baseline_rps={base:.0f} ratio={rps / base:.4f} "
          f"screen_median_ms={median:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
