"""Two people's labellings of the blind sets are compared as the model is scored."""

import pytest

from engage.analysis import corpus
from engage.analysis.evaluation import agreement
from engage.analysis.evaluation.metrics import Interval
from engage.analysis.evaluation.tagging import BlindScore


def labelled(values: tuple[int, ...], text: str) -> corpus.Comment:
    return corpus.Comment(text, values, None, "secondary", "synthetic")


def synthetic_pairs() -> list[tuple[corpus.Comment, corpus.Comment]]:
    first = [(1,), (1, 3), (2,), (2,)]
    second = [(1,), (2,), (2, 4), (2,)]
    return [(labelled(a, str(i)), labelled(b, str(i))) for i, (a, b) in enumerate(zip(first, second, strict=True))]


def test_compare_scores_a_hand_worked_pair_of_labellings():
    result = agreement.compare("synthetic", synthetic_pairs())

    # primary values 1,1,2,2 against 1,2,2,2: kappa 0.5; F1 V1 = 2/3, V2 = 4/5
    assert result.size == 4
    assert result.kappa.value == pytest.approx(0.5)
    assert result.macro_f1.value == pytest.approx((2 / 3 + 4 / 5) / 2)
    # per comment: {1}/{1} 1, {1,3}/{2} 0, {2}/{2,4} 2/3, {2}/{2} 1
    assert result.samples_f1.value == pytest.approx((1 + 0 + 2 / 3 + 1) / 4)
    assert result.per_value[1] == pytest.approx(0.667) and result.per_value[5] == 0
    for interval in (result.kappa, result.macro_f1, result.samples_f1):
        assert interval.low <= interval.value <= interval.high


def test_identical_labellings_agree_perfectly():
    pairs = [(a, a) for a, _ in synthetic_pairs()]
    result = agreement.compare("same", pairs)
    assert (result.kappa.value, result.macro_f1.value, result.samples_f1.value) == (1.0, 1.0, 1.0)


def test_report_puts_the_model_figure_next_to_the_two_labellers():
    result = agreement.compare("mixed_x", synthetic_pairs())
    model = BlindScore("mixed_x", 4, Interval(0.61, 0.5, 0.7), Interval(0.66, 0.55, 0.75), {}, [], 0.0)

    with_model = "\n".join(agreement.blind_report([result], {"mixed_x": model}))
    without = "\n".join(agreement.blind_report([result]))

    assert "two labellers on blind mixed_x (4 comments" in with_model and "kappa 0.500" in with_model
    assert "model on the same set (first labels): macro-F1 0.610 [0.500, 0.700]" in with_model
    assert "model" not in without


def test_each_second_labelling_covers_exactly_its_blind_set():
    names = [name for name in corpus.BLIND_SETS if agreement.second_labelling(name).exists()]
    assert names, "no blind set has a second labelling"
    for name in names:
        second = {c.text for c in corpus.read_group(agreement.second_labelling(name)).comments}
        assert second == {c.text for c in corpus.blind_set(name)}, name
        assert len(agreement.blind_pairs(name)) == len(corpus.blind_set(name))


def test_blind_agreement_reports_each_set_and_all_together():
    results = agreement.blind_agreement()
    names = [name for name in corpus.BLIND_SETS if agreement.second_labelling(name).exists()]
    assert [r.name for r in results[:len(names)]] == names
    if len(names) > 1:
        assert results[-1].size == sum(r.size for r in results[:-1])
    for r in results:
        assert -1 <= r.kappa.value <= 1 and 0 <= r.macro_f1.value <= 1
