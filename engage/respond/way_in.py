"""The way into a survey: the start page, class codes, who is answering, the notice, the start button."""
from flask import redirect, render_template, session, url_for
from wtforms.fields.choices import SelectChoice

from engage.db import get_session, reads_only
from engage.extensions import limiter
from engage.forms.respond import AudienceForm, CodeForm
from engage.models._time import utcnow
from engage.respond import blank_pages, bp, kiosk, support
from engage.respond.settings import display_settings
from engage.respond.state import CODE, HELP, TOKEN, general_language, survey_language, you_said_link
from engage.respond.viewmodels import error_list
from engage.respond.words import audience_labels, words
from engage.services import consultation_rows
from engage.services import consultations as svc
from engage.services import responses as rsp
from engage.services.errors import NotFound

# Codes are guessable only by brute force: limit it, generously, since a whole class
# typing codes at once shares one school IP address.
CODE_LIMIT = "120 per minute"


@bp.get("/")
def start():
    """List open consultations and offer a class code box."""
    db = get_session()
    reads_only(db)
    found, said_link = consultation_rows.open_consultations(db, utcnow()), you_said_link()
    lang = general_language()
    if not blank_pages.shareable():
        return _draw_start(found, CodeForm(), lang, said_link)
    shown = display_settings()
    # The key holds everything the page shows; a consultation opened, closed or renamed is a new key.
    key = ("start", lang, tuple(c.drawn_from() for c in found), said_link, shown["display_classes"])
    return blank_pages.filled_plain(key, shown["settings_url"], lambda slots: _draw_start(
        found, blank_pages.SlotForm(CodeForm(formdata=None, meta={"csrf": False}), slots), lang, said_link,
        settings_url=slots.marker(("settings_url",))))


def _draw_start(found: list, form, lang: str, said_link: str | None, errors: list | None = None,
                **context) -> str:
    return render_template("respond/start.html", consultations=found, form=form, copy=words(lang=lang),
                           errors=errors or [], said_link=said_link, **context)

@bp.post("/code")
@limiter.limit(CODE_LIMIT)
def enter_code():
    """Take a typed class code to its survey."""
    form = CodeForm()
    if form.validate_on_submit():
        try:
            return _follow_code(form.code.data)
        except NotFound:
            form.code.errors.append(words(lang=general_language())["code_not_found"])
    found = consultation_rows.open_consultations(get_session(), utcnow())
    return _draw_start(found, form, general_language(), you_said_link(), error_list(form)), 400


@bp.get("/join/<code>")
@limiter.limit(CODE_LIMIT)
def join(code: str):
    """Follow a class link or QR code."""
    return _follow_code(code)


def _follow_code(code: str):
    access = svc.resolve_code(get_session(), code, utcnow())
    svc.require_open(access.consultation, utcnow())
    session[CODE] = access.code
    return redirect(url_for("respond.notice", slug=access.consultation.slug,
                            variant=access.variant))


@bp.route("/c/<slug>", methods=["GET", "POST"])
def choose(slug: str):
    """Ask who is answering, to show the survey written for them."""
    consultation = svc.get_consultation(get_session(), slug)
    svc.require_open(consultation, utcnow())
    if len(consultation.variants) == 1:
        return redirect(url_for("respond.notice", slug=slug, variant=consultation.variants[0]))
    labels = audience_labels(general_language())
    form = AudienceForm()
    form.audience.choices = [SelectChoice(v, labels[v]) for v in consultation.variants]
    if form.validate_on_submit():
        return redirect(url_for("respond.notice", slug=slug, variant=form.audience.data))
    return render_template("respond/choose.html", consultation=consultation, form=form,
                           copy=words(lang=general_language()), errors=error_list(form))


@bp.get("/c/<slug>/<variant>")
def notice(slug: str, variant: str):
    """Say what the survey is for, that it is anonymous, its limits, and where to get help."""
    db = get_session()
    reads_only(db)
    consultation = consultation_rows.get_consultation(db, slug)
    svc.require_variant(consultation, variant)
    svc.require_open(consultation, utcnow())
    lang = survey_language(consultation, variant)
    if not blank_pages.shareable():
        return _draw_notice(consultation, variant, lang, support.StartOptionsForm())
    shown = display_settings()
    key = ("notice", consultation.drawn_from(), variant, lang, shown["display_classes"])
    return blank_pages.filled_plain(key, shown["settings_url"], lambda slots: _draw_notice(
        consultation, variant, lang,
        blank_pages.SlotForm(support.StartOptionsForm(formdata=None, meta={"csrf": False}), slots),
        settings_url=slots.marker(("settings_url",))))


def _draw_notice(consultation, variant: str, lang: str, form, **context) -> str:
    return render_template("respond/notice.html", consultation=consultation, variant=variant, form=form,
                           start_options=support.start_options(consultation, variant),
                           copy=support.adjust_words(words(variant, lang), variant), **context)


@bp.post("/c/<slug>/<variant>/start")
def begin(slug: str, variant: str):
    """Start an anonymous response and go to the first question."""
    db = get_session()
    consultation = consultation_rows.get_consultation(db, slug)
    form = support.StartOptionsForm()
    if not form.validate_on_submit():
        return redirect(url_for("respond.notice", slug=slug, variant=variant))
    code = _pending_code(consultation.id, variant)
    shown, rendition, assisted = support.chosen(form, support.start_options(consultation, variant), variant)
    token = rsp.open_response(db, consultation, shown, utcnow(), code,
                              language=survey_language(consultation, variant), rendition=rendition,
                              assisted=assisted, channel=kiosk.channel())
    session.pop(CODE, None)
    session.pop(HELP, None)  # a shared PC: never offer the last pupil's help form to the next
    session[TOKEN] = token
    return redirect(url_for("respond.page", number=1))


def _pending_code(consultation_id: int, variant: str):
    if CODE not in session:
        return None
    try:
        access = svc.resolve_code(get_session(), session[CODE], utcnow())
    except NotFound:
        return None
    if access.consultation_id == consultation_id and access.variant == variant:
        return access
    return None
