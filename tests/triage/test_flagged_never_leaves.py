"""Flagged text is absent from every summary and export (counts may appear in aggregate)."""
import json
import zipfile

import pytest

from tests.respond.journey import begin, complete, fill
from tests.respond.test_safeguarding_journey import DISCLOSURE

SIGNATURE = "hits my mum"
ORDINARY = "The park needs more benches and a zip wire please"


@pytest.fixture
def consultation_with_a_disclosure(app, demo):
    """Six parent responses with ordinary comments and one with a disclosure."""
    for text in [ORDINARY] * 6 + [DISCLOSURE]:
        client = app.test_client()
        begin(client, demo["annual"], "parent")
        complete(client, answer=lambda html, t=text: fill(html, text=t))
    return demo["annual"]


def _text_of(path, fmt: str) -> str:
    data = path.read_bytes()
    if fmt in ("xlsx", "docx"):
        with zipfile.ZipFile(path) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx", "sav", "docx"])
def test_flagged_text_is_in_no_export(runner, tmp_path, consultation_with_a_disclosure, fmt):
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(args=["export", consultation_with_a_disclosure, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = _text_of(out, fmt)
    assert SIGNATURE not in text
    if fmt in ("csv", "long.csv"):
        assert ORDINARY in text  # the export does hold free text: the absence is meaningful


def test_flagged_text_is_not_in_the_summary(runner, consultation_with_a_disclosure):
    result = runner.invoke(args=["summary", consultation_with_a_disclosure, "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = result.output[result.output.index("{"):]
    assert SIGNATURE not in summary
    json.loads(summary)
