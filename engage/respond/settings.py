"""Larger text and high contrast: chosen on one page, kept in the session, no JavaScript.

Every respondent page links here (templates/respond/_layout.html); the choice is drawn as
classes on <html>, so it holds for every page of the survey until the browser forgets the
session (or a kiosk clears it for the next person).
"""
from flask import has_request_context, redirect, render_template, request, session, url_for
from wtforms import BooleanField, HiddenField

from engage.auth.session import safe_next
from engage.forms.wtforms_words import TranslatedForm
from engage.respond import bp
from engage.respond.support import support_words
from engage.respond.viewmodels import error_list
from engage.respond.words import words

DISPLAY = "display"
CLASSES = {"large": "engage-large-text", "contrast": "engage-high-contrast"}


class DisplayForm(TranslatedForm):
    """The two display settings, and the page to go back to."""

    large_text = BooleanField()
    high_contrast = BooleanField()
    back = HiddenField()


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    """Show or save the text-size and colour settings, then go back to the survey."""
    form = DisplayForm()
    back = safe_next(form.back.data if form.is_submitted() else request.args.get("next"),
                     url_for("respond.start"))
    if form.validate_on_submit():
        session[DISPLAY] = {"large": form.large_text.data, "contrast": form.high_contrast.data}
        return redirect(back)
    if not form.is_submitted():
        chosen = session.get(DISPLAY) or {}
        form.large_text.data, form.high_contrast.data = chosen.get("large"), chosen.get("contrast")
        form.back.data = back
    copy = {**words(), **support_words()}
    return render_template("respond/settings.html", form=form, copy=copy, back=back,
                           errors=error_list(form)), (400 if form.errors else 200)


@bp.app_context_processor
def display_settings() -> dict:
    """Give templates the display classes and the settings link for this page."""
    if not has_request_context() or request.blueprint not in ("respond", "public"):
        return {}  # staff pages, and documents drawn outside a request
    chosen = session.get(DISPLAY) or {}
    classes = " ".join(name for key, name in CLASSES.items() if chosen.get(key))
    here = request.full_path.rstrip("?")
    if request.endpoint == "respond.settings":
        here = request.args.get("next") or "/"
    return {"display_classes": classes, "settings_url": url_for("respond.settings", next=here),
            "settings_label": support_words().get("settings_link", "Text and colours")}
