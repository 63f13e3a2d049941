"""Built models are kept on disk by a hash of what they were built from, and never trusted stale."""

import json

from engage.analysis import model_cache
from engage.analysis.screen import corpus


def _builder(calls):
    def build():
        calls.append(1)
        return {"weights": [1.0, 2.0], "built": len(calls)}
    return build


def test_a_model_is_built_once_then_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(tmp_path))
    calls = []
    first = model_cache.load_or_build("screen", "abc", _builder(calls))
    second = model_cache.load_or_build("screen", "abc", _builder(calls))
    assert first == second == {"weights": [1.0, 2.0], "built": 1}
    assert len(calls) == 1


def test_a_new_key_builds_again_and_drops_the_stale_model(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(tmp_path))
    calls = []
    model_cache.load_or_build("screen", "old", _builder(calls))
    model_cache.load_or_build("screen", "new", _builder(calls))
    assert len(calls) == 2
    assert [p.name for p in tmp_path.glob("*.pickle")] == ["screen-new.pickle"]


def test_a_damaged_file_is_rebuilt_not_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(tmp_path))
    (tmp_path / "screen-abc.pickle").write_bytes(b"half a file")
    calls = []
    assert model_cache.load_or_build("screen", "abc", _builder(calls))["built"] == 1
    assert model_cache.load_or_build("screen", "abc", _builder(calls))["built"] == 1


def test_an_unwritable_folder_still_gives_a_model(tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(blocker / "models"))
    assert model_cache.load_or_build("screen", "abc", _builder([]))["built"] == 1


def test_the_fingerprint_follows_file_contents(tmp_path):
    data = tmp_path / "data.jsonl"
    data.write_text('{"text": "a"}\n')
    before = model_cache.fingerprint([data])
    assert model_cache.fingerprint([data]) == before
    data.write_text('{"text": "b"}\n')
    assert model_cache.fingerprint([data]) != before


def test_every_development_file_is_read_and_keys_the_model(tmp_path, monkeypatch):
    row = {"text": "my uncle hurts me", "flag": True, "severity": "immediate",
           "category": "physical_abuse", "source": "written for this test"}
    (tmp_path / "corpus.jsonl").write_text(json.dumps({**row, "source_id": "one"}) + "\n")
    monkeypatch.setattr(corpus, "SCREEN_DATA", tmp_path)
    before = corpus.model_key()
    (tmp_path / "more_test.jsonl").write_text(json.dumps(row) + "\n")
    texts = [(r["text"], r["source_id"]) for r in corpus.all_rows()]
    assert ("my uncle hurts me", "one") in texts
    assert ("my uncle hurts me", "file:more_test") in texts
    assert corpus.model_key() != before


def test_model_build_command_leaves_the_screen_and_the_tagger_on_disk(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(tmp_path))
    result = runner.invoke(args=["model", "build"])
    assert result.exit_code == 0, result.output
    assert "Safeguarding screen ready" in result.output and "Value tagger ready" in result.output
    assert list(tmp_path.glob("screen-*.pickle")) and list(tmp_path.glob("tagger-*.pickle"))


def test_the_tagger_key_changes_with_its_training_data(tmp_path, monkeypatch):
    from engage.analysis import tagging_data

    (tmp_path / "corpus").mkdir()
    for name in tagging_data.SHIPPED:
        (tmp_path / name).write_text("")
    monkeypatch.setattr(tagging_data, "DATA_DIR", tmp_path)
    before = tagging_data.model_key()
    (tmp_path / "corpus" / "g01_new.txt").write_text("# id: g01\n")
    assert tagging_data.model_key() != before
