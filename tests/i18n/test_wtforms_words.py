"""WTForms' own messages on survey pages: read once per language, the same words as Flask-WTF gives."""
import pytest
from flask_wtf.i18n import translations as flask_wtf_words

from engage import i18n
from engage.forms.wtforms_words import WORDS

MESSAGES = ["Not a valid choice.", "This field is required.", "Invalid input."]


@pytest.mark.parametrize("lang", ["en", "pl", "ar"])
def test_kept_words_are_flask_wtfs_words_in_the_page_language(app, lang):
    with app.test_request_context(f"/answer/1?lang={lang}"):
        i18n.use_language(lang)
        for message in MESSAGES:
            assert WORDS.gettext(message) == flask_wtf_words.gettext(message)
        assert WORDS.ngettext("Field must be at least %(min)d character long.",
                              "Field must be at least %(min)d characters long.", 3) == flask_wtf_words.ngettext(
            "Field must be at least %(min)d character long.", "Field must be at least %(min)d characters long.", 3)


def test_polish_pages_get_polish_words(app):
    with app.test_request_context("/answer/1"):
        i18n.use_language("pl")
        assert WORDS.gettext("Not a valid choice.") != "Not a valid choice."
