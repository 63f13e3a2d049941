"""`flask model train` keeps a retrained tagger only when the blind sets say it is no worse."""
from engage.analysis import corpus, tagging
from engage.services import retraining


def test_a_model_taught_wrong_labels_is_not_installed(tmp_path):
    # Officers "correcting" thousands of clear comments to the wrong value teach the model nonsense.
    # Half the corpus, not a fixed count: as the corpus grew, 600 wrong labels among some 6,000
    # right ones no longer moved the blind sets past the tolerance.
    comments = corpus.comments()
    wrong = [(c.text, c.value % 5 + 1, None) for c in comments[: len(comments) // 2]]
    path = tmp_path / "value_model.joblib"
    outcome = retraining.retrain_with(wrong, path)
    assert not outcome.installed and not path.exists()
    assert outcome.change < 0
    assert "NOT installed" in retraining.report(outcome)[-1]


def test_a_model_no_worse_is_installed_and_then_used(tmp_path):
    path = tmp_path / "value_model.joblib"
    outcome = retraining.retrain_with([("zorbling widgets at the gloop", 5, "5d")] * 3, path)
    assert outcome.installed and path.exists()
    assert [s.name for s in outcome.before] == list(corpus.BLIND_SETS)
    lines = retraining.report(outcome)
    assert all(f"blind {name}" in "\n".join(lines) for name in corpus.BLIND_SETS)
    assert isinstance(retraining.installed_tagger(path), tagging.ValueTagger)


def test_a_model_saved_by_an_older_tagger_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "value_model.joblib"
    tagging.train([]).save(path)
    monkeypatch.setattr(tagging, "MODEL_VERSION", tagging.MODEL_VERSION + 1)
    assert retraining.installed_tagger(path) is tagging.default_tagger()


def test_an_installed_retrained_tagger_is_used_before_the_built_one(app):
    from engage.services import free_text

    text = "zorbling widgets at the gloop"
    with app.app_context():
        assert free_text.tagger() is tagging.default_tagger()
        retrained = tagging.train([(text, 5, "5d")] * 3)
        retrained.save(free_text.model_path())
        used = free_text.tagger()
        assert used is not tagging.default_tagger()
        assert used.predict([text]) == retrained.predict([text])
