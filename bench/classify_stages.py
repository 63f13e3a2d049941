"""CPU time per text of each step of `analyse`, and of the tagger by batch size.

    python -m bench.classify_stages [N]

CPU time (time.process_time), not wall time: on a shared machine it moves far less with the
load. Each figure is the best of five passes over the last N bench texts (default 4,000), with
the screen's text caches emptied before each pass; the words' caches stay warm, as in a
running server. Compare two versions by running this in each, one after the other, in turn.
"""

from __future__ import annotations

import gc
import json
import sys
import time

from bench.classify import synthetic_lines
from engage.analysis import language, match_starts
from engage.analysis.classify import classify_lines
from engage.analysis.safeguarding import screen
from engage.analysis.screen import spelling
from engage.analysis.sentiment import sentiment
from engage.analysis.tagging import default_tagger

PASSES = 5
BATCHES = (1, 10, 100, 2000)


def _empty_text_caches() -> None:
    spelling.clean.cache_clear()
    match_starts.starts.cache_clear()


def best_us(step, count: int) -> float:
    """Return the least CPU time of PASSES runs of step, in microseconds a text."""
    times = []
    for _ in range(PASSES):
        _empty_text_caches()
        gc.collect()
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    return min(times) / count * 1e6


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 4000
    lines = synthetic_lines(20_000)[-n:]
    texts = [json.loads(line)["text"] for line in lines]
    tagger = default_tagger()
    list(classify_lines(lines[:300], tagger))  # warm up lazy lexicons
    steps = {"language": lambda: [language.detect(text) for text in texts],
             "screen": lambda: [screen(text) for text in texts],
             "tag": lambda: tagger.predict(texts),
             "sentiment": lambda: [sentiment(text) for text in texts],
             "classify": lambda: list(classify_lines(lines, tagger))}
    found = {name: best_us(step, len(texts)) for name, step in steps.items()}
    print(" ".join(f"{name}_us={us:.1f}" for name, us in found.items()),
          f"classify_per_cpu_s={1e6 / found['classify']:.0f} screen_per_cpu_s={1e6 / found['screen']:.0f}")
    for size in BATCHES:
        batches = [texts[i:i + size] for i in range(0, min(len(texts), 2000), size)]
        count = sum(map(len, batches))
        us = best_us(lambda: [tagger.predict(batch) for batch in batches], count)  # noqa: B023
        print(f"tag_batch={size} tag_us={us:.1f} tagged_per_cpu_s={1e6 / us:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
