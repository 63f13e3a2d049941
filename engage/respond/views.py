"""Respondent routes: parse, call a service, redirect or render."""
from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import format_date
from wtforms.fields.choices import SelectChoice

from engage import i18n
from engage.db import get_session, reads_only
from engage.definitions.choices import choices_for
from engage.definitions.survey import Page
from engage.extensions import limiter
from engage.forms.respond import AudienceForm, CodeForm, ResumeForm, talk_to_me_form
from engage.forms.survey import answers_from, field_name, initial_data, page_form_class
from engage.models import ResponseStatus
from engage.models._time import utcnow
from engage.respond import blank_pages, bp, kiosk, support
from engage.respond.easy_read import easy_question
from engage.respond.settings import display_settings
from engage.respond.viewmodels import FieldState, error_list, question
from engage.respond.words import GENERAL, audience_labels, copy_languages, words
from engage.services import consultation_rows, plan, response_rows
from engage.services import consultations as svc
from engage.services import responses as rsp
from engage.services.errors import NotFound

TOKEN = "response"
CODE = "class_code"
DONE = "done"
HELP = "help"
RESUMED = "resumed"  # this browser reopened the response with a code


@bp.get("/")
def start():
    """List open consultations and offer a class code box."""
    db = get_session()
    reads_only(db)
    found, said_link = consultation_rows.open_consultations(db, utcnow()), _you_said_link()
    lang = _general_language()
    if not blank_pages.plain_shareable():
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


def _general_language() -> str:
    """Pages before the audience is known: the chosen language if its copy is written."""
    chosen = i18n.chosen_language()
    return i18n.use_language(chosen if chosen in copy_languages(GENERAL) else "en")


def _survey_language(consultation, variant: str) -> str:
    """Pages of one survey: the chosen language if the survey and copy both offer it to this audience."""
    return i18n.use_language(i18n.language_for(consultation.version, variant,
                                               copy_languages(variant)))


# Codes are guessable only by brute force: limit it, generously, since a whole class
# typing codes at once shares one school IP address.
CODE_LIMIT = "120 per minute"
# Resume codes unlock answers already given, so guessing them is held back harder.
RESUME_LIMIT = "30 per minute"


@bp.post("/code")
@limiter.limit(CODE_LIMIT)
def enter_code():
    """Take a typed class code to its survey."""
    form = CodeForm()
    if form.validate_on_submit():
        try:
            return _follow_code(form.code.data)
        except NotFound:
            form.code.errors.append(words(lang=_general_language())["code_not_found"])
    found = consultation_rows.open_consultations(get_session(), utcnow())
    return _draw_start(found, form, _general_language(), _you_said_link(), error_list(form)), 400


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
    labels = audience_labels(_general_language())
    form = AudienceForm()
    form.audience.choices = [SelectChoice(v, labels[v]) for v in consultation.variants]
    if form.validate_on_submit():
        return redirect(url_for("respond.notice", slug=slug, variant=form.audience.data))
    return render_template("respond/choose.html", consultation=consultation, form=form,
                           copy=words(lang=_general_language()), errors=error_list(form))


@bp.get("/c/<slug>/<variant>")
def notice(slug: str, variant: str):
    """Say what the survey is for, that it is anonymous, its limits, and where to get help."""
    db = get_session()
    reads_only(db)
    consultation = consultation_rows.get_consultation(db, slug)
    svc.require_variant(consultation, variant)
    svc.require_open(consultation, utcnow())
    lang = _survey_language(consultation, variant)
    if not blank_pages.plain_shareable():
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
                              language=_survey_language(consultation, variant), rendition=rendition,
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


@bp.route("/answer/<int:number>", methods=["GET", "POST"])
def page(number: int):
    """Show one page of questions, or save it and move on."""
    db = get_session()
    if TOKEN not in session and session.get(DONE, {}).get("slug"):
        return redirect(url_for("respond.thanks"))  # a refresh after submitting
    saved = None  # a GET reads the saved answers with the response, a POST has its own
    if request.method == "GET":
        reads_only(db)
        response, saved = response_rows.read_response_with_answers(db, session.get(TOKEN))
    else:
        response = response_rows.read_response(db, session.get(TOKEN))
    if response.status == ResponseStatus.SUBMITTED:
        return redirect(url_for("respond.thanks"))
    svc.require_open(response.consultation, utcnow())
    survey = i18n.survey_in(response.version, _survey_language(response.consultation, response.variant))
    pages = [p for p in survey.pages_for(response.variant) if _items_to_ask(response, p)]
    if not 1 <= number <= len(pages):
        abort(404)
    return _page(db, response, pages, number, saved)


def _page(db, response, pages: list[Page], number: int, saved: dict | None):
    items = _items_to_ask(response, pages[number - 1])
    if request.method == "GET" and blank_pages.shareable(items):
        return _shared_page(db, response, pages, number, items, saved)
    copy = _page_words(response)
    choices = _choices(db, items, response.variant, copy)
    max_text = current_app.config["MAX_TEXT_LENGTH"]
    form_class = page_form_class(items, choices, copy, max_text)
    form = form_class() if request.method == "POST" else form_class(
        data=initial_data(items, _refill(db, response, items, saved)))
    if form.validate_on_submit():
        return _save(db, response, form, items, number, len(pages))
    questions = _questions(items, choices, response, copy, lambda item: FieldState(form[field_name(item)]))
    status = 400 if form.errors else 200
    return _draw(response, pages, number, questions, copy, form=form, errors=error_list(form)), status


def _shared_page(db, response, pages: list[Page], number: int, items: list, saved: dict | None):
    """Fill the page drawn once for everyone reading it with this respondent's answers."""
    shown = display_settings()
    key = blank_pages.page_key(response, number, i18n.page_language(), shown["display_classes"])

    def draw(slots, state_of) -> str:
        copy = _page_words(response)
        questions = _questions(items, _choices(db, items, response.variant, copy), response, copy, state_of)
        return _draw(response, pages, number, questions, copy, errors=[], **blank_pages.draw_context(slots))

    filled_in = initial_data(items, _refill(db, response, items, saved))
    return blank_pages.filled(key, items, filled_in, shown["settings_url"], draw)


def _page_words(response) -> dict:
    return support.adjust_words(words(response.variant, i18n.page_language()), response.variant,
                                response.rendition, response.assisted)


def _choices(db, items: list, variant: str, copy: dict) -> dict:
    needs_schools = any(i.profile == "school" for i in items)
    school_list = [(str(s.id), s.name) for s in svc.schools(db)] if needs_schools else []
    return {i.id: choices_for(i, variant, copy, school_list) for i in items}


def _refill(db, response, items: list, saved: dict | None) -> dict:
    return rsp.answers_to_refill(db, response, session.get(RESUMED) == response.token, [i.id for i in items],
                                 saved)


def _questions(items: list, choices: dict, response, copy: dict, state_of) -> list[dict]:
    max_text = current_app.config["MAX_TEXT_LENGTH"]
    questions = [question(i, None, choices[i.id], response.variant, copy, len(items) == 1, max_text,
                          state=state_of(i)) for i in items]
    if response.rendition == support.EASY_READ:
        questions = [easy_question(q, i) for q, i in zip(questions, items, strict=True)]
    return questions


def _draw(response, pages: list[Page], number: int, questions: list[dict], copy: dict, **context) -> str:
    progress = (copy["progress_one"] if response.variant == "primary" else copy["progress_many"])
    return render_template(
        "respond/page.html", page=pages[number - 1], number=number, total=len(pages),
        questions=questions, copy=copy, variant=response.variant,
        progress=progress.format(n=number, total=len(pages)),
        back_url=url_for("respond.page", number=number - 1) if number > 1 else None,
        last=number == len(pages), **context,
    )


def _items_to_ask(response, page: Page) -> list:
    """Skip "about you" questions a class code already answered."""
    fixed = ("school", "year_group") if response.school_fixed else ()
    return [i for i in page.items if i.profile not in fixed]


def _save(db, response, form, items, number: int, total: int):
    answers = answers_from(form, items)
    token = response.token
    if request.form.get("action") == "save" and not kiosk.current():  # no resume codes on a kiosk
        saved = rsp.save_page(db, token, items, answers, number, utcnow())
        coded = rsp.issue_resume_code(db, token, utcnow())
        session.pop(TOKEN, None)
        session["saved"] = {"code": coded.resume_code, "variant": response.variant, "lang": response.language,
                            "closes_on": _day(coded.resume_code_expires_at)}
        return _then(saved, url_for("respond.saved"))
    if number < total:
        saved = rsp.save_page(db, token, items, answers, number + 1, utcnow())
        return _then(saved, url_for("respond.page", number=number + 1))
    saved = rsp.submit(db, token, items, answers, utcnow())
    _finish_session(response.variant, response.consultation.slug)
    session[DONE] = {**session[DONE], **support.remembered(response)}
    return _then(saved, url_for("respond.thanks"))


def _then(saved: rsp.Saved, next_url: str):
    """Go on, unless the answer may tell us someone is hurting them: then show help first."""
    if not saved.flagged:
        return redirect(next_url)
    session[HELP] = {"token": saved.response.token, "variant": saved.response.variant,
                     "lang": saved.response.language, "next": next_url, "self_harm": saved.self_harm,
                     **support.remembered(saved.response)}
    return redirect(url_for("respond.help_page"))


def _finish_session(variant: str, slug: str) -> None:
    """Forget the response in this browser, so the next person on a shared PC starts fresh."""
    session.pop(TOKEN, None)
    session[DONE] = {"variant": variant, "slug": slug, "lang": i18n.page_language()}


def _day(moment) -> str | None:
    return format_date(moment, "d MMMM y") if moment else None  # in the page's language


@bp.get("/saved")
def saved():
    """Show the resume code once."""
    saved_now = session.pop("saved", None)
    session.pop(HELP, None)  # help was shown before this page; the offer ends here
    if saved_now is None:
        return redirect(url_for("respond.resume_page"))
    return render_template("respond/saved.html", code=saved_now["code"], variant=saved_now["variant"],
                           closes_on=saved_now["closes_on"],
                           copy=words(saved_now["variant"], i18n.use_language(saved_now.get("lang", "en"))))


@bp.route("/resume", methods=["GET", "POST"])
@limiter.limit(RESUME_LIMIT, methods=["POST"])
def resume_page():
    """Take a resume code back to the unfinished survey."""
    form = ResumeForm()
    if form.validate_on_submit():
        try:
            response = rsp.resume(get_session(), form.code.data, utcnow())
        except NotFound:
            form.code.errors.append(words(lang=_general_language())["resume_not_found"])
        else:
            session[TOKEN] = session[RESUMED] = response.token
            return redirect(url_for("respond.page", number=response.page))
    return render_template("respond/resume.html", form=form, copy=words(lang=_general_language()),
                           errors=error_list(form)), (400 if form.errors else 200)


@bp.get("/thanks")
def thanks():
    """Thank the respondent and say what happens next."""
    done = session.get(DONE) or {}
    session.pop(HELP, None)  # help was shown before this page; the offer ends here
    variant = done.get("variant") or "primary"
    consultation = None
    if done.get("slug"):
        consultation = svc.get_consultation(get_session(), done["slug"])
    copy = support.adjust_words(words(variant, i18n.use_language(done.get("lang", "en"))), variant,
                                *support.recalled(done))
    return render_template("respond/thanks.html", copy=copy, consultation=consultation,
                           said_link=_you_said_link(consultation))


def _you_said_link(consultation=None) -> str | None:
    """Link to the newest published "You said, we did" page (this consultation's series first)."""
    slug = plan.latest_published_slug(get_session(), consultation.series if consultation else None)
    return url_for("public.you_said", slug=slug) if slug else None


@bp.route("/help", methods=["GET", "POST"])
def help_page():
    """Where to get help now; after a worrying answer, offer to have someone get in touch."""
    offer = session.get(HELP)
    variant = offer["variant"] if offer else "primary"
    copy = words(variant, i18n.use_language(offer.get("lang", "en")) if offer else _general_language())
    copy = support.adjust_words(copy, variant, *support.recalled(offer or {}))
    form = talk_to_me_form(copy)
    if offer and form.validate_on_submit():
        rsp.request_contact(get_session(), offer["token"], form.how_to_reach.data)
        session[HELP] = {**offer, "asked": True}
        return redirect(url_for("respond.help_page"))
    return render_template("respond/help.html", copy=copy, variant=variant, form=form,
                           offer=offer, errors=error_list(form)), (400 if form.errors else 200)
