"""The exports of the known consultation, cell by cell (see tests/summary/known.py)."""
import csv
import io

import openpyxl
import pyreadstat
import pytest

from engage.db import get_session
from engage.reports.cells import escape
from engage.results import exports
from engage.services import consultations
from tests.summary.known import DISCLOSURE, HYPERLINK, LIGHTS, build_known

F, H = "fewer than 5", "not shown"


@pytest.fixture
def known(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    return loaded


def _export(app, fmt: str) -> bytes:
    with app.app_context():
        found = consultations.find(get_session(), "known")
        return b"".join(exports.export(get_session(), found, fmt))


def _csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("text, expected", [
    ("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM", "'@SUM"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("fine", "fine"), ("", ""), ("a=b", "a=b")])
def test_escape(text, expected):
    assert escape(text) == expected


def test_responses_csv_cell_by_cell(known):
    rows = _csv(_export(known, "csv"))
    assert len(rows) == 33
    first = rows[0]
    assert first["Response number"] == "1"
    # Words an officer reads in Excel: no audience, version, area or channel codes, no item ids.
    assert (first["Audience"], first["Survey version"], first["School"], first["Area"]) == \
        ("Young people", "Young people aged 11 to 16", "Alpha Academy", "North")
    assert first["How it was answered"] == "Online"
    assert rows[-1]["Audience"] == "Parents and carers" and rows[-1]["Area"] == "East"
    assert not [k for k in first if k.split(":")[0] in ("home_ok", "safe_better", "school", "area")]
    # A question put to each group in its own words is headed with each, named.
    home = ("Ages 11 to 16: My home is a good place to live. It is warm and dry, and there is enough space. / "
            "Parents and carers: Our home is right for our family: it is warm, dry and safe, with enough space.")
    assert home in first
    school = next(k for k in first if k.startswith("Ages 11 to 16: Which school do you go to?"))
    assert rows[0][school] == "Alpha Academy" and rows[-1][school] == ""
    area = "Which part of the borough do you live in?"  # both groups were asked in the same words
    assert rows[0][area] == "In the north"
    assert [r[home] for r in rows] == (
        ["Strongly agree"] * 8 + ["Agree"] * 6 + ["Neither"] * 3 + ["Disagree"] * 2
        + ["Strongly disagree"] + ["Agree", "Agree", "Disagree"]
        + ["Strongly agree"] * 5 + ["Agree"] * 3 + ["Disagree"] * 2)
    said = next(k for k in first if k.startswith("Ages 11 to 16: What would help you feel safer"))
    texts = [r[said] for r in rows]
    assert texts[:5] == [LIGHTS] * 5
    assert texts[5] == "'" + HYPERLINK  # arrives escaped
    assert texts[6] == ""  # flagged: the text never leaves
    assert texts[7] == "My name is [name] and I want more clubs"
    groups = next(k for k in first if k.startswith("Ages 11 to 16: Do any of these apply to you?"))
    assert rows[0][groups] == "I am a young carer (I help look after someone at home)"
    assert rows[10][groups] == "I am disabled, have a learning disability or have special needs (SEND)"
    assert rows[23][groups] == rows[10][groups]  # a parent: the same officer label


def test_long_csv_has_one_row_per_answer_with_tags(known):
    rows = _csv(_export(known, "long.csv"))
    # 33 x (home_ok, area) + 20 schools given by secondary pupils + 9 texts + 10 groups answers.
    assert len(rows) == 33 * 2 + 23 + 9 + 10
    texts = [r for r in rows if r["Item"] == "safe_better"]
    assert len(texts) == 9
    flagged = [r for r in texts if r["Comment"] == ""]
    assert len(flagged) == 1  # the disclosure: no text, no tags, no sentiment
    assert (flagged[0]["Value tags (primary first)"], flagged[0]["Sentiment"]) == ("", "")
    tagged = [r for r in texts if r["Comment"]]
    assert {r["Value tags (primary first)"] for r in tagged} == {"1d"}
    assert {r["Tagged by"] for r in tagged} == {"model"}
    hyper = next(r for r in texts if "HYPERLINK" in r["Comment"])
    assert hyper["Comment"] == "'" + HYPERLINK
    assert all(DISCLOSURE not in r["Comment"] for r in texts)
    home = [r for r in rows if r["Item"] == "home_ok"]
    assert home[0]["Answer"] == "Strongly agree" and home[0]["Answer code"] == "5"


def test_long_csv_gives_each_answer_the_words_its_respondent_read(known):
    from engage.definitions.survey import survey_of

    with known.app_context():
        items = {i.id: i for i in survey_of(consultations.find(get_session(), "known").version).items()}
    rows = _csv(_export(known, "long.csv"))
    home = {r["Survey version"]: r["Question"] for r in rows if r["Item"] == "home_ok"}
    assert home == {"secondary": items["home_ok"].text["secondary"], "parent": items["home_ok"].text["parent"]}
    assert home["secondary"] != home["parent"]  # a pupil and a parent were asked in different words
    assert all(r["Question"] == items[r["Item"]].text[r["Survey version"]] for r in rows)


def test_xlsx_sheets_and_cells(known):
    book = openpyxl.load_workbook(io.BytesIO(_export(known, "xlsx")))
    assert book.sheetnames == ["About the columns", "Responses", "Summary by value",
                               "Summary by group", "Quotes"]
    responses = list(book["Responses"].values)
    assert len(responses) == 34
    said = responses[0].index(next(h for h in responses[0] if "What would help you feel safer" in h))
    assert responses[6][said] == "'" + HYPERLINK
    assert not any(DISCLOSURE in str(c) for row in responses for c in row)
    about = list(book["About the columns"].values)
    # The codes an analyst may still want, with the item ids, stay on the sheet about the columns.
    assert about[0] == ("Column", "Question (as asked)", "Value", "Type", "Answer codes", "Item")
    home = next(r for r in about if r[5] == "home_ok")
    assert home[1].startswith("Ages 11 to 16: My home is a good place") and "Parents and carers: Our home" in home[1]
    assert "5 = Strongly agree" in home[4]
    by_value = list(book["Summary by value"].values)
    assert by_value[1][:6] == (1, None, "Keeping children and young people safe and supported at "
                               "home and school.", 33, 33, 8)
    nets = {(r[0], r[2]): r[3] for r in by_value if r[0] == "home_ok"}
    assert nets == {("home_ok", "Young people"): 52.2, ("home_ok", "Parents and carers"): 60}
    assert next(r for r in by_value if r[0] == "home_ok")[1].startswith("My home is a good place to live")
    groups = list(book["Summary by group"].values)
    area = groups[groups.index(("Who took part, by area",) + (None,) * (len(groups[0]) - 1)) + 2:]
    assert area[0][:4] == ("East", 0, H, H)  # 10 parents, hidden so south (3) stays hidden
    assert area[1][:4] == ("North", H, H, 20)
    assert area[2][:4] == ("South", F, 0, F)
    quotes = list(book["Quotes"].values)
    assert quotes[1] == ("Safe and supported", "Young people", LIGHTS)
    assert all(DISCLOSURE not in str(q) for q in quotes)


def test_sav_has_value_labels(known):
    data = _export(known, "sav")
    import tempfile
    with tempfile.NamedTemporaryFile(suffix=".sav") as handle:
        handle.write(data)
        handle.flush()
        frame, meta = pyreadstat.read_sav(handle.name)
    assert len(frame) == 33
    assert list(frame["home_ok"][:3]) == [5, 5, 5]
    assert meta.variable_value_labels["home_ok"][5] == "Strongly agree"
    assert frame["priority_groups_young_carer"].iloc[0] == 1
    assert frame["safe_better"].iloc[5] == "'" + HYPERLINK
    assert frame["safe_better"].iloc[6] == ""
