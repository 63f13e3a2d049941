"""WTForms' own messages in the page's language, read once per language rather than per request.

Flask-WTF reads and parses WTForms' catalogue file again for every request that shows a form;
on survey pages, the hottest path, that was a measurable share of each request.
"""
from functools import lru_cache

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

from engage.forms.csrf_token import CSRFSignedWhenDrawn


@lru_cache(maxsize=16)
def _catalogue(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class _Words:
    def gettext(self, string: str) -> str:
        return _catalogue(str(get_locale())).ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return _catalogue(str(get_locale())).ungettext(singular, plural, n)


WORDS = _Words()


class TranslatedForm(FlaskForm):
    """A FlaskForm whose WTForms messages come from the catalogue kept per language (and whose
    CSRF token is signed only if the form is drawn)."""

    class Meta:
        csrf_class = CSRFSignedWhenDrawn

        def get_translations(self, form):
            """Return the kept catalogue, unless translations are switched off."""
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return None
            return WORDS
