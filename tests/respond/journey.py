"""Drive the respondent journey over HTTP the way a browser would, reading the real pages."""
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from engage.definitions.loader import load_definition
from engage.models import SurveyVersion
from tests.conftest import csrf_token

RADIO = re.compile(r'name="(q_[a-z0-9_]+)" type="radio" value="([^"]+)"')
CHECKBOX = re.compile(r'name="(q_[a-z0-9_]+)" type="checkbox" value="([^"]+)"')
TEXTAREA = re.compile(r'<textarea[^>]*name="(q_[a-z0-9_]+)"')
HELP_NEXT = re.compile(r'id="help-continue" href="([^"]+)"')


@dataclass
class Walk:
    """What a walk through the survey saw and posted."""

    pages: int = 0
    posted: dict[str, object] = field(default_factory=dict)
    last_post: dict | None = None


def begin(client, slug: str, variant: str) -> None:
    """Read the notice page and press start."""
    notice = client.get(f"/c/{slug}/{variant}")
    assert notice.status_code == 200, notice.status_code
    started = client.post(f"/c/{slug}/{variant}/start", data={"csrf_token": csrf_token(notice.text)})
    assert started.status_code == 302 and started.headers["Location"].endswith("/answer/1")


def fill(html: str, text: str = "More clubs after school please") -> dict:
    """Answer every question on a page: first radio, first checkbox, some text."""
    data: dict[str, object] = {}
    for name, value in RADIO.findall(html):
        data.setdefault(name, value)
    for name, value in CHECKBOX.findall(html):
        data.setdefault(name, [value])
    for name in TEXTAREA.findall(html):
        data[name] = text
    return data


def complete(client, answer=fill, max_pages: int = 80) -> Walk:
    """Answer page after page until the thank-you page; return what was posted."""
    walk = Walk()
    number = 1
    while number <= max_pages:
        page = client.get(f"/answer/{number}")
        assert page.status_code == 200, (number, page.status_code)
        data = answer(page.text)
        walk.posted.update(data)
        form = {**data, "csrf_token": csrf_token(page.text), "action": "next"}
        result = client.post(f"/answer/{number}", data=form)
        assert result.status_code == 302, (number, result.status_code, result.text[:500])
        walk.pages = number
        walk.last_post = form
        location = result.headers["Location"]
        if location.endswith("/help"):
            # A worrying answer shows help first; its continue link goes on.
            location = HELP_NEXT.search(client.get("/help").text).group(1)
        if location.endswith("/thanks"):
            return walk
        assert location.endswith(f"/answer/{number + 1}")
        number += 1
    raise AssertionError("the survey never finished")


def publish_next_version(db, consultation, definition: dict) -> None:
    """Load a changed survey definition and point the consultation at the version it makes."""
    old = consultation.version
    load_definition(db, definition)
    consultation.version_id = db.scalar(select(SurveyVersion.id).where(
        SurveyVersion.family_id == old.family_id, SurveyVersion.number == old.number + 1))
    db.commit()
