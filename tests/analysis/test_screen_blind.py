"""The blind sets stay frozen, and nothing but the evaluation reads them."""

import hashlib

from engage.analysis.evaluation.screen import BLIND_DIR, BLIND_SETS, blind_sets


def test_blind_sets_are_unchanged():
    """The screen's blind sets and the screen labels of the blind tagging sets are frozen."""
    expected = dict(line.split()[::-1] for line in
                    (BLIND_DIR / "SHA256SUMS").read_text().splitlines() if line.strip())
    labels = {str(path.relative_to(BLIND_DIR)) for path in (BLIND_DIR / "screen_labels").glob("*.jsonl")}
    assert set(expected) == set(BLIND_SETS) | labels
    for name in expected:
        digest = hashlib.sha256((BLIND_DIR / name).read_bytes()).hexdigest()
        assert digest == expected[name], f"{name} changed: blind sets are frozen"


def test_blind_sets_are_labelled_and_cited():
    for name, rows in blind_sets().items():
        assert len(rows) >= 150, name
        for row in rows:
            assert row["text"] and row["source"] and row["kind"], row
            assert row["flag"] == (row["severity"] != "none"), row
        prevalence = sum(row["flag"] for row in rows) / len(rows)
        assert 0.3 <= prevalence <= 0.5, name


def test_blind_sets_share_no_source():
    from engage.analysis.screen.corpus import all_rows

    development = {row["source_id"] for row in all_rows()}
    sources = [{row["source_id"] for row in rows} for rows in blind_sets().values()]
    for i, first in enumerate(sources):
        assert not first & development
        for second in sources[i + 1:]:
            assert not first & second


def test_every_development_file_is_learned_from():
    """The retired blind sets and any new cited file in data/screen reach training."""
    from engage.analysis.evaluation.screen import read_rows
    from engage.analysis.screen.corpus import SCREEN_DATA, all_rows

    learned = {row["text"] for row in all_rows()}
    files = sorted(SCREEN_DATA.glob("*.jsonl"))
    assert {f"retired_blind_{x}.jsonl" for x in "abcdefghijklmn"} <= {path.name for path in files}
    for path in files:
        rows = read_rows(path)
        assert rows, path.name
        assert all(row["text"] in learned for row in rows), path.name
        assert all(row["source"] and row["source_id"] for row in rows), path.name


def test_training_never_opens_the_blind_sets(monkeypatch):
    from pathlib import Path

    from engage.analysis.screen import corpus, screener

    opened = []
    real_open = Path.open

    def recording_open(self, *args, **kwargs):
        opened.append(self.resolve())
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recording_open)
    rows = corpus.all_rows()
    screener.build(rows[:200] + rows[-200:])
    assert opened, "the corpus should have been read through Path.open"
    assert not [path for path in opened if BLIND_DIR in path.parents]


def test_no_blind_text_is_in_the_development_corpus():
    from engage.analysis.screen.corpus import all_rows

    development = {row["text"].lower() for row in all_rows()}
    for rows in blind_sets().values():
        assert not development & {row["text"].lower() for row in rows}
