"""Demo content is marked as demo for staff only: a child reading the survey never sees "(demo)"."""
import re
from html import unescape

from engage.models import Role
from tests.workspace.factories import make_user, sign_in_as


def _words(html: str) -> str:
    """What a reader sees in the page's main part (and its title): text, not tags or links."""
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    return title + re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1]).lower()


def test_children_never_read_demo_in_a_title(client, demo):
    join = client.get(f"/join/{demo['codes'][0][0]}", follow_redirects=True)
    pages = [client.get("/"), client.get(f"/c/{demo['annual']}"), join,
             client.get(f"/c/{demo['annual']}/secondary"), client.get(f"/c/{demo['plan']}/parent")]
    for page in pages:
        assert page.status_code == 200
        assert "demo" not in _words(page.text).lower(), page.request.path
    assert "Growing up here: have your say" in unescape(pages[1].text)


def test_each_group_reads_a_title_written_for_it(client, demo):
    """Parents and professionals answer the annual survey too: none of them reads "Young people's survey"."""
    choose = unescape(client.get(f"/c/{demo['annual']}").text)
    assert "Growing up here: have your say" in choose and "Young people's survey" not in choose
    for variant, title in (("primary", "Young people's survey"), ("post16", "Young people's survey"),
                           ("parent", "Survey for parents and carers"),
                           ("professional", "Survey for people who work with children")):
        notice = unescape(client.get(f"/c/{demo['annual']}/{variant}").text)
        assert title in notice, variant
        assert variant in ("primary", "post16") or "Young people's survey" not in notice


def test_staff_still_see_which_consultations_are_demo(client, demo, db):
    sign_in_as(client, make_user(db, Role.OFFICER))
    listing = client.get("/workspace/consultations").text
    assert listing.count('govuk-tag--purple">Demo</strong>') == 3
    assert 'govuk-tag--purple">Demo</strong>' in client.get("/workspace/insights/").text
