"""Languages on respondent pages: which one a person reads, and the survey and copy in it.

A respondent chooses a language from the start page's list or a link (`?lang=ar`); the choice
is kept in the session cookie (no JavaScript). A page is shown wholly in one language: the
chosen one when the survey offers it to that audience, otherwise English. Fixed words of the
layout come from gettext catalogues (engage/translations, compiled by `make setup`); copy and
survey wordings come from the YAML files beside the English they translate. Staff pages stay
in English.
"""
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, g, has_request_context, request, session
from flask_babel import Babel, refresh

from engage.definitions import translations
from engage.definitions.survey import Survey, from_definition

SESSION_KEY = "lang"
RESPONDENT_BLUEPRINTS = {"respond"}


@dataclass(frozen=True)
class Language:
    """A language offered to respondents, named in its own words."""

    code: str
    own_name: str
    direction: str = "ltr"


LANGUAGES = {
    "en": Language("en", "English"),
    "ar": Language("ar", "العربية", "rtl"),
    "pl": Language("pl", "Polski"),
}
babel = Babel()
_SURVEYS: dict[tuple, Survey] = {}
# Languages each version offers each audience: asked on every respondent request, and reading
# them from the definition means decoding its 40 kB of JSON each time. Versions are immutable.
_OFFERED: dict[tuple, tuple[str, ...]] = {}


def init_app(app: Flask) -> None:
    """Attach Flask-Babel, take `?lang=` from any respondent link, and give templates the language."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(Path(__file__).parent / "translations"))
    babel.init_app(app, locale_selector=page_language)
    app.before_request(_remember_link_choice)
    app.context_processor(_template_language)


def _respondent_page() -> bool:
    return has_request_context() and request.blueprint in RESPONDENT_BLUEPRINTS


def _remember_link_choice() -> None:
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and _respondent_page():
        session[SESSION_KEY] = chosen


def chosen_language() -> str:
    """Return the language this browser chose (English until one is chosen)."""
    chosen = session.get(SESSION_KEY) if has_request_context() else None
    return chosen if chosen in LANGUAGES else "en"


def page_language() -> str:
    """Return the language of the page being drawn (Flask-Babel's locale selector)."""
    if not _respondent_page():
        return "en"
    return g.get("page_language") or chosen_language()


def use_language(code: str) -> str:
    """Draw this request's page in `code` (after falling back to English); return it."""
    g.page_language = code if code in LANGUAGES else "en"
    refresh()
    return g.page_language


def offered(raw: dict, variant: str) -> tuple[str, ...]:
    """Return the languages a survey definition offers to an audience, English first."""
    family_variants = tuple(raw.get("variants") or ())
    return ("en", *(lang for lang in translations.declared(raw)
                    if lang in LANGUAGES and variant in translations.covered(raw, lang, family_variants)))


def offered_by(version, variant: str) -> tuple[str, ...]:
    """Return the languages a survey version offers to an audience (remembered per version)."""
    key = (version.id, version.checksum, variant)
    if key not in _OFFERED:
        _OFFERED[key] = offered(version.definition, variant)
    return _OFFERED[key]


def language_for(version, variant: str, copy_languages: tuple[str, ...]) -> str:
    """Return the chosen language if the survey and the copy both have it for this audience."""
    chosen = chosen_language()
    return chosen if chosen in offered_by(version, variant) and chosen in copy_languages else "en"


def survey_in(version, lang: str) -> Survey:
    """Return a version's survey worded in `lang` (English where the language does not reach)."""
    key = (version.id, version.checksum, lang)
    if key not in _SURVEYS:
        _SURVEYS[key] = from_definition(translations.localised(version.definition, lang))
    return _SURVEYS[key]


def _template_language() -> dict:
    code = page_language()
    return {
        "lang": code,
        "text_dir": LANGUAGES[code].direction,
        "languages": list(LANGUAGES.values()),
    }

