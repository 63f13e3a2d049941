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
