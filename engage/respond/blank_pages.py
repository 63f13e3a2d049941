"""Survey pages on GET: drawn once per survey version, audience, page, language and rendition,
then filled with this respondent's CSRF token and saved answers (see page_cache.py). The pages
before a response (start page, privacy notice) are kept the same way, filled with the token and
the settings link alone.

Pages that cannot be shared are drawn whole every time: a kiosk's (its idle timer names the
page). A page listing schools is kept under the list it shows, read on every request, so a school
added or renamed is drawn at once, on every worker, with nothing to invalidate.
"""
from collections.abc import Callable, Hashable

from flask import current_app, g
from markupsafe import Markup, escape

from engage.definitions.survey import Item
from engage.forms.survey import field_name, saved_field
from engage.respond import page_tokens
from engage.respond.page_cache import BlankPage, PageCache, Slots
from engage.respond.viewmodels import FieldState
from engage.templating import boolean_attr

CACHE = "engage.page_cache"
FORMS = "engage.page_forms"
CSRF_INPUT = Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="{}">')


class SlotState(FieldState):
    """A field that answers every question with a slot marker instead of a respondent's data."""

    def __init__(self, name: str, slots: Slots) -> None:
        self.name, self.slots, self.error = name, slots, None

    def checked(self, value: str) -> Markup:
        return self.slots.marker(("checked", self.name, value))

    def selected(self, place: int, value: str) -> Markup:
        return self.slots.marker(("selected", self.name, place, value))

    def typed(self, item_type: str) -> Markup:
        return self.slots.marker(("typed", self.name, item_type))

    def part(self, name: str) -> Markup:
        return self.slots.marker(("part", self.name, name))


def init_app(app) -> None:
    """Give the app its own bounded cache of blank pages."""
    app.extensions[CACHE] = PageCache(app.config["RESPOND_PAGE_CACHE_SIZE"])
    app.extensions[FORMS] = PageCache(app.config["RESPOND_PAGE_CACHE_SIZE"])
    page_tokens.init_app(app)


def shareable() -> bool:
    """Say whether pages may be drawn once for everyone who reads them (never on a kiosk, nor with no cache)."""
    return current_app.extensions[CACHE].size > 0 and g.get("kiosk") is None


def page_key(response, number: int, language: str, display_classes: str = "", schools: tuple = ()) -> tuple:
    """Everything a blank page's drawing depends on, besides the app's own settings.

    schools: the (id, name) list the page offers, when it asks for a school.
    """
    version = response.version
    return (version.id, version.checksum, response.variant, number, language, response.rendition,
            bool(response.assisted), bool(response.school_fixed), display_classes, schools)


def filled(key: Hashable, items: list[Item], saved: dict, settings_url: str,
           draw: Callable[[Slots, Callable[[Item], FieldState]], str]) -> str:
    """Return the page for this respondent, drawing its blank first if it is not kept yet."""
    cache: PageCache = current_app.extensions[CACHE]
    blank = cache.get(key)
    if blank is None:
        slots = Slots()
        blank = BlankPage(draw(slots, lambda item: SlotState(field_name(item), slots)), slots)
        cache.put(key, blank)
    states = {field_name(i): FieldState(saved_field(i, saved.get(field_name(i)))) for i in items}
    return blank.fill(lambda slot: _value(slot, states, settings_url))


def form_class(key: Hashable, build: Callable[[], type]) -> type:
    """Return the form class kept for a page under `key`, building it first if it is not kept yet.

    A survey page's form class holds only what the page's drawing holds (wording, choices, the
    checks and their messages), so it is kept under the same key; each request makes its own
    instance, which is where a respondent's post and answers go.
    """
    cache: PageCache = current_app.extensions[FORMS]
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.put(key, kept)
    return kept


def filled_plain(key: Hashable, settings_url: str, draw: Callable[[Slots], str]) -> str:
    """Return a page whose only per-request parts are the CSRF token and the settings link."""
    cache: PageCache = current_app.extensions[CACHE]
    blank = cache.get(key)
    if blank is None:
        slots = Slots()
        blank = BlankPage(draw(slots), slots)
        cache.put(key, blank)
    return blank.fill(lambda slot: _value(slot, {}, settings_url))


def _value(slot: tuple, states: dict[str, FieldState], settings_url: str) -> str:
    kind, *args = slot
    if kind == "csrf":
        return CSRF_INPUT.format(page_tokens.page_token()) if current_app.config.get("WTF_CSRF_ENABLED", True) else ""
    if kind == "settings_url":
        return escape(settings_url)
    state = states[args[0]]
    if kind == "checked":
        return boolean_attr(state.checked(args[1]), "checked")
    if kind == "selected":
        return boolean_attr(state.selected(args[1], args[2]), "selected")
    if kind == "typed":
        return escape(state.typed(args[1]))
    return escape(state.part(args[1]))


class SlotForm:
    """A blank form whose CSRF field is drawn as a slot marker; every other field is the form's own."""

    def __init__(self, form, slots: Slots) -> None:
        self._form, self.csrf_token = form, slots.marker(("csrf",))

    def __getattr__(self, name: str):
        return getattr(self._form, name)


def draw_context(slots: Slots) -> dict:
    """The per-request template values of a blank page, as slot markers."""
    return {"form": {"csrf_token": slots.marker(("csrf",))}, "settings_url": slots.marker(("settings_url",))}
