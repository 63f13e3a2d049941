"""Cross-validation by source group never trains on the group it scores."""

import pytest

from engage.analysis import corpus, tagging
from engage.analysis.evaluation import grouped_cv

GROUPS = ("g12", "g13")


class RecordingTagger(tagging.ValueTagger):
    """A real tagger that remembers which texts it was trained on."""

    trained_on: list[set[str]] = []

    def fit(self, examples):
        rows = list(examples)
        RecordingTagger.trained_on.append({text for text, _, _ in rows})
        return super().fit(rows)


@pytest.fixture(scope="module")
def held():
    RecordingTagger.trained_on = []
    return grouped_cv.held_out_tags(RecordingTagger, group_ids=GROUPS)


def texts(group_id: str) -> set[str]:
    return {c.text for c in corpus.comments(frozenset({group_id}))}


def test_each_group_is_tagged_by_a_tagger_that_never_saw_it(held):
    assert [h.comment for h in held] == corpus.comments(frozenset(GROUPS))
    elsewhere = {text for text, _, _ in tagging.shipped_examples()}
    for group_id, trained in zip(GROUPS, RecordingTagger.trained_on, strict=True):
        others = {c.text for c in corpus.comments() if c.group != group_id}
        own = texts(group_id) - others - elsewhere
        assert own and not own & trained
        assert others <= trained


def test_scores_pool_the_held_out_tags_by_audience(held):
    slices = {s.name: s for s in grouped_cv.scores(held)}
    assert slices["comments"].size == len(held)
    assert slices["parents"].size == sum(h.comment.audience == "parent" for h in held)
    assert slices["professionals"].size == sum(h.comment.audience == "professional" for h in held)
    assert "plan" not in slices  # neither group has plan sentences
    right = sum(h.result["primary_value"] == h.comment.value for h in held)
    assert sum(row[i] for i, row in enumerate(slices["comments"].confusion)) == right
    assert any("macro-F1" in line for line in grouped_cv.report(list(slices.values()), held))


def test_folds_hold_out_every_group_of_a_fold_together():
    folds = 3
    picked = ("g12", "g13", "g14", "g15")
    RecordingTagger.trained_on = []
    held = grouped_cv.held_out_tags(RecordingTagger, group_ids=picked, folds=folds)
    assert sorted(h.comment.text for h in held) == sorted(c.text for c in corpus.comments(frozenset(picked)))
    by_fold: dict[int, set[str]] = {}
    for group in corpus.groups():
        by_fold.setdefault(grouped_cv.fold_of(group.id, folds), set()).add(group.id)
    used = sorted({grouped_cv.fold_of(g, folds) for g in picked})
    elsewhere = {text for text, _, _ in tagging.shipped_examples()}
    assert len(RecordingTagger.trained_on) == len(used)
    for fold, trained in zip(used, RecordingTagger.trained_on, strict=True):
        inside = {c.text for c in corpus.comments(frozenset(by_fold[fold]))}
        outside = {c.text for c in corpus.comments() if c.group not in by_fold[fold]}
        own = inside - outside - elsewhere
        assert own and not own & trained
        assert outside <= trained


def test_ten_folds_each_hold_some_groups():
    assert {grouped_cv.fold_of(g.id, 10) for g in corpus.groups()} == set(range(10))
