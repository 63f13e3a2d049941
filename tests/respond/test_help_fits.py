"""The help a respondent sees after a flag fits what they wrote, in their own words."""
import pytest

from engage.analysis.safeguarding import Screening
from engage.services.free_text import shows_help
from tests.respond.journey import begin
from tests.respond.test_safeguarding_journey import _first_text_page, _post_text

SAMARITANS, PAPYRUS, CHILDLINE = "116 123", "0800 068 4141", "0800 1111"


def _help_after(client, demo, variant, text, lang=None):
    if lang:
        client.get(f"/?lang={lang}")
    begin(client, demo["annual"], variant)
    number, page = _first_text_page(client)
    result = _post_text(client, number, page, text)
    assert result.headers["Location"].endswith("/help")
    return client.get("/help").text


@pytest.mark.parametrize("variant", ["primary", "secondary", "post16"])
def test_thoughts_of_suicide_bring_the_services_for_them_beside_childline(client, demo, variant):
    page = _help_after(client, demo, variant, "i want to kill myself")
    assert 'id="help-danger"' in page and "999" in page
    assert CHILDLINE in page and SAMARITANS in page and PAPYRUS in page


def test_self_harm_brings_them_too(client, demo):
    page = _help_after(client, demo, "secondary", "i cut myself again last night")
    assert 'id="help-suicide"' in page and SAMARITANS in page


def test_other_harm_shows_999_and_childline_only(client, demo):
    page = _help_after(client, demo, "secondary", "my dad hits me with his belt")
    assert "999" in page and CHILDLINE in page
    assert SAMARITANS not in page and 'id="help-suicide"' not in page


def test_the_help_is_in_the_language_of_the_page(client, demo):
    page = _help_after(client, demo, "primary", "أريد أن أقتل نفسي", lang="ar")
    assert "إذا كنت في خطر الآن" in page and SAMARITANS in page and PAPYRUS in page


def test_please_check_and_not_screened_do_not_send_the_child_to_help():
    assert shows_help(Screening(True, "immediate", "physical_abuse", ("x",)))
    assert shows_help(Screening(True, "concern", "neglect", ("x",)))
    assert not shows_help(Screening(True, "check", "other", ("uncertain",)))
    assert not shows_help(Screening(True, "concern", "not_screened", ("not screened: written in Somali",)))
