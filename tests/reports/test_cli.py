"""The results commands: consultations list, summary --format json, export --out."""
import csv
import io
import json

import pytest

from tests.summary.known import HYPERLINK, build_known


@pytest.fixture
def known(loaded, db, monkeypatch):
    return build_known(db, monkeypatch)


def test_consultations_list_starts_each_line_with_the_id(runner, known):
    result = runner.invoke(args=["consultations", "list"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines == [f"{known.consultation.id}\tknown\topen\t33 responses\tKnown answers"]


def test_summary_json(runner, known):
    result = runner.invoke(args=["summary", "known", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["responses"] == 33
    assert [v["id"] for v in data["values"]] == [1, 2, 3, 4, 5]
    assert data["suppression"]["label"] == "fewer than 5"
    assert "home_ok" in {i["key"] for i in data["items"]}
    # The four breakdowns officers always need; others (language, channel) may be added.
    assert {"age_band", "school", "area", "priority_group"} <= set(data["groups"])


def test_summary_of_unknown_consultation_fails(runner, loaded):
    result = runner.invoke(args=["summary", "nope"])
    assert result.exit_code == 1
    assert "no consultation" in result.output


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx", "sav"])
def test_export_writes_the_file(runner, known, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(args=["export", str(known.consultation.id), "--format", fmt,
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    # One summary line on stderr (no bar: the runner is not a terminal): what was read. Every
    # export reads one row per response, its answers folded in by the database.
    assert result.stderr.strip().startswith(f"Wrote {out}: 33 responses read, ") and result.stdout == ""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert len(rows) == 34
        assert any(cell == "'" + HYPERLINK for row in rows for cell in row)


def test_consultations_count_folds_new_responses_once(runner, known):
    first = runner.invoke(args=["consultations", "count"])
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == f"{known.consultation.id}\tknown\t33 responses counted"
    assert first.stderr.startswith("Counted 33 new responses in 1 consultation in ")
    again = runner.invoke(args=["consultations", "count", "known"])
    assert again.stdout.strip() == f"{known.consultation.id}\tknown\t0 responses counted"
    summary = json.loads(runner.invoke(args=["summary", "known"]).stdout)
    assert summary["responses"] == 33  # counted once, not twice


def test_consultations_count_in_steps_commits_each_step(runner, known, db, monkeypatch):
    from sqlalchemy import func, select

    from engage.models import SummaryQueue
    from tests.summary.test_first_fold import Claims

    claims = Claims(monkeypatch)
    result = runner.invoke(args=["consultations", "count", "known", "--step", "10"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{known.consultation.id}\tknown\t33 responses counted"
    # Four transactions (10, 10, 10, 3), each with its own claim.
    assert [len(ids) for ids in claims.taken] == [10, 10, 10, 3]
    db.rollback()  # read what the command committed
    assert db.scalar(select(func.count()).select_from(SummaryQueue)) == 0
    assert json.loads(runner.invoke(args=["summary", "known"]).stdout)["responses"] == 33


def test_an_export_whose_worker_fails_leaves_no_file_and_says_why(runner, known, tmp_path, monkeypatch):
    import sys

    from engage.results import long_csv_split

    monkeypatch.setattr(long_csv_split, "SPLIT_FROM", 0)
    monkeypatch.setattr(long_csv_split, "WORKER", [sys.executable, "-c", "import sys; sys.exit('no space')"])
    out = tmp_path / "export.long.csv"
    result = runner.invoke(args=["export", "known", "--format", "long.csv", "--out", str(out)])
    assert result.exit_code == 1
    assert "the export is incomplete" in result.stderr and "no space" in result.stderr
    assert not out.exists()
