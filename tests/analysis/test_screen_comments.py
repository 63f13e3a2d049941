"""Screen labels of the blind tagging sets: joined to their comments and counted correctly."""

import json

import pytest

from engage.analysis import corpus
from engage.analysis.evaluation import screen_comments
from engage.analysis.screen.result import NONE, Screening

TINY_GROUP = """# id: zz01
# title: a tiny set written by this test
# source: https://example.org/tiny
# format: test
sec|1|-|the buses are too dear
par|2|-|the library should open on sundays
sec|3|-|a made-up disclosure for counting
pri|4|-|more swings please
"""


def _label(text, severity="none", category=None):
    return {"file": "zz01_tiny.txt", "text": text, "flag": severity != "none",
            "severity": severity, "category": category, "labeller": "test"}


@pytest.fixture
def tiny_blind_dir(tmp_path):
    (tmp_path / "mixed_zz").mkdir()
    (tmp_path / "mixed_zz" / "zz01_tiny.txt").write_text(TINY_GROUP, encoding="utf-8")
    texts = screen_comments.set_comments("mixed_zz", tmp_path)
    rows = [_label(texts[0]), _label(texts[1]), _label(texts[2], "concern", "other"), _label(texts[3])]
    labels = screen_comments.labels_path("mixed_zz", tmp_path)
    labels.parent.mkdir()
    # written out of order: the join follows the comments, not the labels file
    labels.write_text("".join(json.dumps(row) + "\n" for row in reversed(rows)), encoding="utf-8")
    return tmp_path


def test_labels_join_to_comments_in_file_order_and_unlabelled_sets_are_skipped(tiny_blind_dir):
    (tiny_blind_dir / "mixed_yy").mkdir()
    (tiny_blind_dir / "mixed_yy" / "yy01.txt").write_text(TINY_GROUP.replace("zz01", "yy01"))
    labelled = screen_comments.labelled_sets(["mixed_zz", "mixed_yy"], tiny_blind_dir)
    assert list(labelled) == ["mixed_zz"]
    rows = labelled["mixed_zz"]
    assert [row["text"] for row in rows] == screen_comments.set_comments("mixed_zz", tiny_blind_dir)
    assert [row["flag"] for row in rows] == [False, False, True, False]
    assert {row["set"] for row in rows} == {"mixed_zz"}


def test_report_counts_ordinary_flags_immediate_ones_and_caught_disclosures(tiny_blind_dir):
    labelled = screen_comments.labelled_sets(["mixed_zz"], tiny_blind_dir)
    # a stand-in screen: flags the first ordinary comment as immediate and the second as a
    # check, and misses the disclosure
    outcomes = [Screening(True, "immediate", "other"), Screening(True, "check", "other"), NONE, NONE]
    result = screen_comments.score(labelled, lambda texts: outcomes[:len(texts)])
    assert (result.comments, result.disclosures) == (4, 1)
    assert (result.ordinary_flagged.hits, result.ordinary_flagged.total) == (2, 3)
    assert (result.ordinary_immediate.hits, result.ordinary_immediate.total) == (1, 3)
    assert (result.disclosures_flagged.hits, result.disclosures_flagged.total) == (0, 1)
    lines = screen_comments.report(result)
    assert lines[0] == "screen on blind consultation comments (mixed_zz):"
    assert "0.667 [" in "\n".join(lines)
    assert screen_comments.failures(result) == [
        "screen on blind consultation comments (mixed_zz): ordinary_flagged 0.667 > 0.05"]
    quiet = screen_comments.score(labelled, lambda texts: [NONE] * len(texts))
    assert screen_comments.failures(quiet) == []


def test_a_labels_file_that_does_not_match_its_set_is_refused():
    texts = ["one", "two"]
    with pytest.raises(screen_comments.LabelError, match="1 comments without a label"):
        screen_comments.join("s", texts, [_label("one")])
    with pytest.raises(screen_comments.LabelError, match="1 labels matching no comment"):
        screen_comments.join("s", texts, [_label("one"), _label("two"), _label("three")])
    with pytest.raises(screen_comments.LabelError, match="twice"):
        screen_comments.join("s", texts, [_label("one"), _label("two"), _label("two")])
    with pytest.raises(screen_comments.LabelError, match="disagree"):
        screen_comments.join("s", texts, [_label("one"), {**_label("two"), "flag": True}])


def test_every_blind_tagging_comment_has_exactly_one_label_row():
    labelled = screen_comments.labelled_sets()
    assert {f"mixed_{x}" for x in "klmnopqrst"} <= set(labelled)
    for name, rows in labelled.items():
        raw = screen_comments.read_rows(screen_comments.labels_path(name))
        assert len(raw) == len(rows) == len(corpus.blind_set(name)), name
        # the file keeps the comments' order and names each comment's group file
        files = [path.name for path in sorted((corpus.BLIND_DIR / name).glob("*.txt"))
                 for _ in corpus.read_group(path).comments]
        assert [(row["file"], row["text"]) for row in raw] == [
            (file, comment.text) for file, comment in zip(files, corpus.blind_set(name), strict=True)]
        for row in raw:
            assert row["labeller"] and (row["category"] is None) == (not row["flag"]), name
