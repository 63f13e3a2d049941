"""In Chromium, as an officer: what the editor says on save, approval of a youth council draft,
the menu at laptop widths, and the paper PDF read back page by page."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from engage.models import Role
from tests.browser.conftest import axe_violations, enter_code
from tests.workspace.factories import PASSWORD, TOTP_SECRET, make_user

pytestmark = pytest.mark.browser
EDITOR = "/workspace/surveys/annual-young-people/pages/safe"


@pytest.fixture
def accounts(live_server, app):
    """An officer, an administrator and a youth council member on the live server's database."""
    from engage.db import get_session

    with app.app_context():
        db = get_session()
        return {role: make_user(db, role).email for role in (Role.OFFICER, Role.ADMIN, Role.YOUTH_COUNCIL)}


def sign_in(page, live_server, email):
    """Sign in through the workspace's own form."""
    page.goto(f"{live_server}/workspace/")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/$|/auth/two-step$"))
    if page.url.endswith("/auth/two-step"):  # administrators give their authenticator's code
        enter_code(page, TOTP_SECRET)
        page.wait_for_url(re.compile(r"/workspace/$"))


def test_saving_a_wording_says_the_open_consultation_keeps_its_words(page, live_server, accounts):
    sign_in(page, live_server, accounts[Role.OFFICER])
    page.goto(live_server + EDITOR)
    page.fill("#w__safe_in_area__secondary", "I feel safe in the streets where I live.")
    page.click("main form button[type=submit]")
    said = page.locator(".govuk-notification-banner").inner_text()
    assert "Saved as version 2" in said
    assert "“Growing up here: have your say” is open, so it keeps version 1" in said
    assert "close it and open a new consultation" in said
    assert axe_violations(page) == []


def test_a_rejected_save_names_no_file_and_grades_are_never_negative(page, live_server, accounts):
    sign_in(page, live_server, accounts[Role.OFFICER])
    page.goto(live_server + EDITOR)
    page.fill("#w__safe_in_area__primary", "I feel safe.")
    page.wait_for_function("() => document.querySelector('#w__safe_in_area__primary-grade"
                           " .engage-grade__value').textContent === 'very easy'")
    page.fill("#w__safe_in_area__primary", "Considering multidimensional circumstances, institutional "
                                           "responsibilities necessitate comprehensive evaluation.")
    page.click("main form button[type=submit]")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The survey was not saved" in summary
    assert "“I feel safe where I live.” (Primary)" in summary and "reading grade" in summary
    assert ".yaml" not in summary
    grades = page.locator(".engage-grade__value").all_inner_texts()
    assert grades and not any(g.startswith("-") for g in grades)
    assert "very easy" in grades  # the short secondary and post-16 wordings of other questions
    assert axe_violations(page) == []


def test_a_youth_council_draft_says_why_it_cannot_open_yet(page, live_server, accounts):
    sign_in(page, live_server, accounts[Role.YOUTH_COUNCIL])
    page.goto(f"{live_server}/workspace/consultations/new")
    page.fill("#title", "Youth council: our parks")
    page.select_option("#family", "annual-young-people")
    page.check("input[name=variants][value=secondary]")
    page.fill("#closes_on", "20")
    page.fill("#closes_on-month", "7")
    page.fill("#closes_on-year", "2099")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/consultations/\d+$"))
    draft = page.url
    assert "under “Drafts waiting for your approval”" in page.locator("#approval-needed").inner_text()
    page.context.clear_cookies()

    sign_in(page, live_server, accounts[Role.OFFICER])
    page.goto(draft)
    why = page.locator("#approval-needed").inner_text()
    assert "cannot open yet" in why and "the youth council wrote it" in why
    assert "When you approve it, “Open it now” appears here" in why
    assert page.get_by_role("button", name="Open it now").count() == 0
    assert axe_violations(page) == []
    page.get_by_role("button", name="Approve this draft").click()
    page.wait_for_url(draft)
    assert page.locator("#approval-needed").count() == 0
    assert page.get_by_role("button", name="Open it now").count() == 1


@pytest.mark.parametrize("width", [1024, 1280, 1366, 1440])
def test_the_workspace_menu_stays_on_one_line_at_laptop_widths(browser, live_server, accounts, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, accounts[Role.ADMIN])  # the administrator has the longest menu
    tops = page.evaluate("[...document.querySelectorAll('.engage-workspace-nav li')]"
                         ".map(li => li.getBoundingClientRect().top)")
    labels = page.locator(".engage-workspace-nav li").all_inner_texts()
    context.close()
    assert "Results" in labels and len(labels) >= 10
    assert len(set(tops)) == 1, dict(zip(labels, tops, strict=True))


def _expected_questions(app, variant: str) -> list[tuple[str, list[str]]]:
    """Return each question's heading ("3. ...") and answer labels, as the paper form prints them."""
    from engage.db import get_session
    from engage.models import Consultation
    from engage.respond.words import words
    from engage.services import paper

    with app.test_request_context():
        consultation = get_session().scalar(select(Consultation).where(Consultation.slug.like("annual%")))
        return [(f"{q.number}. {q.label}", [label for _value, label in q.options])
                for q in paper.questions(consultation, variant, words(variant))]


def _flat(text: str) -> str:
    """Drop every space: text read back from a PDF may split a word ("T alking")."""
    return "".join(text.split())


def _split_questions(pages: list[str], expected: list[tuple[str, list[str]]]) -> list[str]:
    """Return the headings of questions whose answers are not all on the heading's own page."""
    split = []
    for n, (heading, labels) in enumerate(expected):
        on = [i for i, text in enumerate(pages) if heading in text]
        assert len(on) == 1, (heading, on)
        text = pages[on[0]]
        start = text.index(heading)
        nxt = expected[n + 1][0] if n + 1 < len(expected) else None
        end = text.index(nxt) if nxt and nxt in text else len(text)
        if any(label not in text[start:end] for label in labels):
            split.append(heading)
    return split


@pytest.mark.parametrize(("variant", "most_pages"), [("secondary", 12), ("parent", 13), ("primary", 9)])
def test_the_paper_form_fills_its_pages_and_keeps_each_question_whole(page, live_server, accounts, app,
                                                                      variant, most_pages):
    import io

    from pypdf import PdfReader

    sign_in(page, live_server, accounts[Role.OFFICER])
    page.click(".engage-workspace-nav >> text=Paper")
    link = page.locator("a[href$='/paper/" + variant + ".pdf']").filter(has_text="Growing up here: have your say")
    with page.expect_download(timeout=180_000) as download:  # WeasyPrint takes its time on a busy machine
        link.click(no_wait_after=True)
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    pages = [_flat(p.extract_text()) for p in pdf.pages]
    expected = [(_flat(h), [_flat(label) for label in labels]) for h, labels in _expected_questions(app, variant)]
    assert _split_questions(pages, expected) == []
    assert len(pages) <= most_pages  # 17, 16 and 10 pages before answers were set in two columns
