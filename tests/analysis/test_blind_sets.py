"""The blind sets stay frozen, never reach training, and are scored as the council scores."""

import hashlib

import pytest

from engage.analysis import corpus
from engage.analysis.evaluation import metrics
from engage.analysis.evaluation import tagging as blind


def test_blind_files_match_their_frozen_hashes():
    frozen = dict(line.split()[::-1] for line in corpus.MANIFEST.read_text().splitlines())
    found = {str(p.relative_to(corpus.BLIND_DIR)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in corpus.blind_files()}
    assert found == frozen


def test_no_blind_text_or_source_group_is_in_the_training_corpus():
    from engage.analysis.tagging import disclosure_examples, shipped_examples

    training = {text.lower() for text, *_ in shipped_examples() + disclosure_examples()}
    training |= {c.text.lower() for c in corpus.comments()}
    blind_groups = {g.id for groups in corpus.blind_groups().values() for g in groups}
    assert blind_groups.isdisjoint(g.id for g in corpus.groups())
    for name in corpus.BLIND_SETS:
        assert not {c.text.lower() for c in corpus.blind_set(name)} & training, name


def test_retired_blind_sets_are_trained_on():
    """Sets retired from blind duty become training groups, every comment of them."""
    ids = {g.id for g in corpus.groups()}
    assert {"c01", "d01", "e01", "f01", "lg01", "mh01", "mi01", "mj01"} <= ids
    retired = [p for p in corpus.CORPUS_DIR.glob("g*.txt") if not p.name[1].isdigit()]
    assert len(retired) >= 283
    learned = {c.text for c in corpus.comments()}
    for path in retired:
        assert all(c.text in learned for c in corpus.read_group(path).comments), path.name


def test_blind_sets_cover_every_value_and_cite_their_sources():
    for name, groups in corpus.blind_groups().items():
        assert {c.value for c in corpus.blind_set(name)} == set(metrics.VALUES), name
        assert all(g.sources for g in groups), name


def test_screen_labels_follow_their_blind_set_comment_by_comment():
    import json

    for path in sorted(corpus.SCREEN_LABELS_DIR.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        expected = [(p.name, c.text) for p in sorted((corpus.BLIND_DIR / path.stem).glob("*.txt"))
                    for c in corpus.read_group(p).comments]
        assert [(row["file"], row["text"]) for row in rows] == expected, path.name
        for row in rows:
            assert row["severity"] in {"immediate", "concern", "none"}, row
            assert row["flag"] == (row["severity"] != "none"), row
            assert (row["category"] is None) == (not row["flag"]), row
            assert row["labeller"], row


def test_corpus_is_large_and_every_group_cites_a_source():
    everything = corpus.comments() + [c for n in corpus.BLIND_SETS for c in corpus.blind_set(n)]
    assert len(everything) >= 2000
    assert len({c.text for c in everything}) == len(everything)
    assert all(g.sources and g.title for g in corpus.groups())


@pytest.mark.parametrize("line", [
    "kid|1|1a|text", "sec|6|-|text", "sec|2|1a|sub-theme under another value", "sec|1,1|-|twice", "sec|1|-",
])
def test_corpus_lines_that_break_the_format_are_refused(line):
    with pytest.raises(corpus.CorpusError):
        corpus.parse_line(line, "g99")


def test_corpus_line_keeps_values_in_order_and_optional_subtheme():
    comment = corpus.parse_line("par|5,2|-|waited a year for camhs", "g99")
    assert (comment.value, comment.values, comment.subtheme, comment.audience) == (5, (5, 2), None, "parent")


def test_metrics_on_a_hand_worked_case():
    truth, guess = [1, 1, 2, 3], [1, 2, 2, 3]
    # V1 F1 = 2/3, V2 = 2/3, V3 = 1 -> macro 0.778 over the three values present
    assert metrics.macro_f1(truth, guess) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert metrics.confusion(truth, guess)[0].tolist() == [1, 1, 0, 0, 0, 0]
    assert metrics.macro_f1([1, 2], [1, 0]) == pytest.approx(0.5)  # an untagged text is a miss
    assert metrics.samples_f1([frozenset({5, 2})], [frozenset({5})]) == pytest.approx(2 / 3)


def test_bootstrap_interval_brackets_the_point_estimate():
    truth = [1, 2, 3, 4, 5] * 20
    guess = [1, 2, 3, 4, 4] * 20
    def score(idx):
        return metrics.macro_f1([truth[i] for i in idx], [guess[i] for i in idx])

    interval = metrics.with_interval(score, 100)
    assert interval.low <= interval.value <= interval.high < 1.0


def test_blind_report_names_every_set_with_intervals_and_confusion(tagger):
    scores = blind.score_blind(tagger)
    assert [s.name for s in scores] == list(corpus.BLIND_SETS)
    lines = "\n".join(blind.report(scores))
    for s in scores:
        assert s.macro_f1.low <= s.macro_f1.value <= s.macro_f1.high
        assert sum(map(sum, s.confusion)) == s.size
        assert f"blind {s.name}" in lines
    assert "samples-F1" in lines and "confusion" in lines


def test_cohen_kappa_on_a_hand_worked_case():
    from engage.analysis.evaluation.agreement import cohen_kappa

    # observed 0.75; expected (2*1 + 2*3)/16 = 0.5 -> kappa 0.5
    assert cohen_kappa([1, 1, 2, 2], [1, 2, 2, 2]) == pytest.approx(0.5)
    assert cohen_kappa([3, 4], [3, 4]) == pytest.approx(1.0)


def test_second_labelling_covers_at_least_300_corpus_comments_and_is_reported():
    from engage.analysis.evaluation import agreement

    assert len(agreement.pairs()) >= 300
    result = agreement.agreement()
    assert 0 < result.kappa <= 1
    assert "kappa" in agreement.report(result)[0]


def test_every_blind_set_has_a_target():
    """A set frozen without a target would stop the evaluation before it reports."""
    assert set(blind.TARGETS) == set(corpus.BLIND_SETS)
