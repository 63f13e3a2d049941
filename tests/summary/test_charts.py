"""Answer distributions as stacked bars: hidden counts stay hidden, the SVG names itself."""
import re

from engage.reports.charts import HIDDEN, PLOT_WIDTH, Stack, stacked_chart, stacks
from engage.services import consultations

F, H = "fewer than 5", "not shown"
ROWS = [  # home_ok in the known consultation (see test_known_summary)
    {"row": "young", "5": 8, "4": H, "3": F, "2": F, "1": F, "Total": 23},
    {"row": "parent", "5": 5, "4": F, "3": 0, "2": F, "1": 0, "Total": 10},
    {"row": "Total", "5": 13, "4": 11, "3": F, "2": 5, "1": F, "Total": 33},
]
COLUMNS = ["5", "4", "3", "2", "1"]


def test_hidden_cells_become_one_remainder_and_totals_are_not_bars():
    young, parent = stacks(ROWS, COLUMNS)
    # Only the shown cells keep their answer; the rest is the (already public) remainder.
    assert young == Stack("young", [("5", 8), (HIDDEN, 15)], 23)
    assert parent == Stack("parent", [("5", 5), ("3", 0), ("1", 0), (HIDDEN, 5)], 10)


def test_a_hidden_total_draws_no_bar():
    [only] = stacks([{"row": "south", "5": F, "4": F, "Total": F}], ["5", "4"])
    assert only == Stack("south", [], None)
    svg = stacked_chart("c", "Answers", "desc", [only], {"5": "Strongly agree"})
    assert "too few to show" in svg and "<rect" not in svg


def test_stacked_chart_is_accessible_svg_with_a_legend():
    svg = stacked_chart("answers-home_ok", "Answers: I feel OK at home", "For each audience...",
                        stacks(ROWS, COLUMNS), {"5": "Strongly agree", "4": "Agree", "3": "Neither",
                                                "2": "Disagree", "1": "Strongly disagree"})
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="answers-home_ok-title">Answers: I feel OK at home</title>' in svg
    assert 'aria-labelledby="answers-home_ok-title answers-home_ok-desc"' in svg
    assert "style=" not in svg and "<script" not in svg
    assert ">Strongly agree<" in svg and ">hidden (too few to show)<" in svg
    assert ">Agree<" not in svg  # no bar shows "4" on its own, so it has no legend entry
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="22"', svg)]
    assert abs(sum(widths) - 2 * PLOT_WIDTH) < 0.5  # each bar fills the plot: shares of its total


def test_long_labels_wrap_onto_lines_and_keep_every_word():
    from engage.reports.charts import Bar, bar_chart

    question = "When our family needed help, we got it early, before things got worse (Parents and carers)"
    svg = bar_chart("c", "Net agreement", "desc", [Bar(question, 12.5), Bar("Short", None)], -100, 100)
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert " ".join(lines[:-1]) == question and lines[-1] == "Short"
    assert len(lines) > 2 and all(len(line) <= 36 for line in lines)
    assert "…" not in svg and 'font-family="-apple-system' in svg


def test_report_and_page_carry_each_answered_questions_distribution(loaded, db, monkeypatch):
    from flask import render_template

    from engage.db import get_session
    from engage.insights import viewmodel
    from engage.results import report
    from engage.results import summary as svc
    from tests.summary.known import build_known

    build_known(db, monkeypatch)
    with loaded.app_context():
        summary = svc.summarise(get_session(), consultations.find(get_session(), "known"))
        model = report.report_model(summary)
        html = render_template("reports/needs_assessment.html", model=model, charts={})
    [home] = model["sections"][0]["distributions"]  # only home_ok was answered in value 1
    assert home["key"] == "home_ok" and home["rows"][0]["4"] == H
    assert "<caption>Safe and supported: My home is a good place to live." in html  # in the appendix
    assert ">Strongly agree<" in html  # the table's heading, labelled like the page chart's legend
    assert all(not s["distributions"] for s in model["sections"][1:])
    [page_home] = viewmodel.value_sections(summary)[0]["distributions"]
    assert page_home["chart"].startswith("<svg")
