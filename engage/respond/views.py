"""Respondent routes from the first question on: parse, call a service, redirect or render."""
from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import format_date

from engage import i18n
from engage.db import get_session, reads_only
from engage.definitions.choices import choices_for
from engage.definitions.survey import Page
from engage.extensions import limiter
from engage.forms.respond import ResumeForm, talk_to_me_form
from engage.forms.survey import answers_from, field_name, initial_data, page_form_class
from engage.models import ResponseStatus
from engage.models._time import utcnow
from engage.respond import blank_pages, bp, kiosk, support
from engage.respond.easy_read import easy_question
from engage.respond.settings import display_settings
from engage.respond.state import DONE, HELP, RESUMED, TOKEN, general_language, survey_language, you_said_link
from engage.respond.viewmodels import FieldState, error_list, question
from engage.respond.words import words
from engage.services import consultations as svc
from engage.services import response_rows
from engage.services import responses as rsp
from engage.services.errors import NotFound

# Resume codes unlock answers already given, so guessing them is held back harder.
RESUME_LIMIT = "30 per minute"


@bp.route("/answer/<int:number>", methods=["GET", "POST"])
def page(number: int):
    """Show one page of questions, or save it and move on."""
    db = get_session()
    if TOKEN not in session and session.get(DONE, {}).get("slug"):
        return redirect(url_for("respond.thanks"))  # a refresh after submitting
    saved = locked = None  # a GET reads the saved answers with the response, a POST has its own
    if request.method == "GET":
        reads_only(db)
        response, saved = response_rows.read_response_with_answers(db, session.get(TOKEN))
    else:
        response, locked = response_rows.read_response_to_save(db, session.get(TOKEN))
    if response.status == ResponseStatus.SUBMITTED:
        return redirect(url_for("respond.thanks"))
    svc.require_open(response.consultation, utcnow())
    survey = i18n.survey_in(response.version, survey_language(response.consultation, response.variant))
    pages = survey.pages_asking(response.variant, _answered_by_code(response))
    if not 1 <= number <= len(pages):
        abort(404)
    return _page(db, response, pages, number, saved, locked)


def _page(db, response, pages: list[Page], number: int, saved: dict | None, locked):
    items = _items_to_ask(response, pages[number - 1])
    schools = _schools(db, items, response.variant)
    if request.method == "GET" and blank_pages.shareable():
        return _shared_page(db, response, pages, number, items, saved, schools)
    form_class = _form_class(response, number, items, schools)
    form = form_class() if request.method == "POST" else form_class(
        data=initial_data(items, _refill(db, response, items, saved)))
    if form.validate_on_submit():
        return _save(db, response, form, items, number, len(pages), locked)
    copy = _page_words(response)
    choices = _choices(items, response.variant, copy, schools)
    questions = _questions(items, choices, response, copy, lambda item: FieldState(form[field_name(item)]))
    status = 400 if form.errors else 200
    return _draw(response, pages, number, questions, copy, form=form, errors=error_list(form)), status


def _shared_page(db, response, pages: list[Page], number: int, items: list, saved: dict | None, schools: tuple):
    """Fill the page drawn once for everyone reading it with this respondent's answers."""
    shown = display_settings()
    key = blank_pages.page_key(response, number, i18n.page_language(), shown["display_classes"], schools)

    def draw(slots, state_of) -> str:
        copy = _page_words(response)
        questions = _questions(items, _choices(items, response.variant, copy, schools), response, copy, state_of)
        return _draw(response, pages, number, questions, copy, errors=[], **blank_pages.draw_context(slots))

    filled_in = initial_data(items, _refill(db, response, items, saved))
    return blank_pages.filled(key, items, filled_in, shown["settings_url"], draw)


def _form_class(response, number: int, items: list, schools: tuple):
    """The page's form class, built once per page where the page itself may be shared: it holds the
    page's wording, choices and checks, never a respondent's answers (those are in each instance)."""
    def build():
        copy = _page_words(response)
        return page_form_class(items, _choices(items, response.variant, copy, schools), copy,
                               current_app.config["MAX_TEXT_LENGTH"])

    if not blank_pages.shareable():
        return build()
    return blank_pages.form_class(blank_pages.page_key(response, number, i18n.page_language(), schools=schools),
                                  build)


def _page_words(response) -> dict:
    return support.adjust_words(words(response.variant, i18n.page_language()), response.variant,
                                response.rendition, response.assisted)


def _schools(db, items: list, variant: str) -> tuple:
    """The schools this page offers, if it asks for one: what the page shows of the database."""
    return svc.school_choices(db, variant) if any(i.profile == "school" for i in items) else ()


def _choices(items: list, variant: str, copy: dict, schools: tuple) -> dict:
    return {i.id: choices_for(i, variant, copy, list(schools)) for i in items}


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
    fixed = _answered_by_code(response)
    return [i for i in page.items if i.profile not in fixed]


def _answered_by_code(response) -> tuple[str, ...]:
    return ("school", "year_group") if response.school_fixed else ()


def _save(db, response, form, items, number: int, total: int, locked):
    answers = answers_from(form, items)
    token = response.token
    if request.form.get("action") == "save" and not kiosk.current():  # no resume codes on a kiosk
        saved = rsp.save_page(db, token, items, answers, number, utcnow(), locked)
        coded = rsp.issue_resume_code(db, token, utcnow())
        session.pop(TOKEN, None)
        session["saved"] = {"code": coded.resume_code, "variant": response.variant, "lang": response.language,
                            "closes_on": _day(coded.resume_code_expires_at)}
        return _then(saved, url_for("respond.saved"))
    if number < total:
        saved = rsp.save_page(db, token, items, answers, number + 1, utcnow(), locked)
        return _then(saved, url_for("respond.page", number=number + 1), in_survey=True)
    saved = rsp.submit(db, token, items, answers, utcnow(), locked)
    _finish_session(response.variant, response.consultation.slug)
    session[DONE] = {**session[DONE], **support.remembered(response)}
    return _then(saved, url_for("respond.thanks"))


def _then(saved: rsp.Saved, next_url: str, in_survey: bool = False):
    """Go on, unless the answer may tell us someone is hurting them: then show help first.
    in_survey: the next page is another page of questions (the help page says so on its link)."""
    if not saved.flagged:
        return redirect(next_url)
    session[HELP] = {"token": saved.response.token, "variant": saved.response.variant,
                     "lang": saved.response.language, "next": next_url, "in_survey": in_survey,
                     "self_harm": saved.self_harm,
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
            form.code.errors.append(words(lang=general_language())["resume_not_found"])
        else:
            session[TOKEN] = session[RESUMED] = response.token
            return redirect(url_for("respond.page", number=response.page))
    return render_template("respond/resume.html", form=form, copy=words(lang=general_language()),
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
                           said_link=you_said_link(consultation))



@bp.route("/help", methods=["GET", "POST"])
def help_page():
    """Where to get help now; after a worrying answer, offer to have someone get in touch."""
    offer = session.get(HELP)
    variant = offer["variant"] if offer else "primary"
    copy = words(variant, i18n.use_language(offer.get("lang", "en")) if offer else general_language())
    copy = support.adjust_words(copy, variant, *support.recalled(offer or {}))
    form = talk_to_me_form(copy)
    if offer and form.validate_on_submit():
        rsp.request_contact(get_session(), offer["token"], form.how_to_reach.data)
        session[HELP] = {**offer, "asked": True}
        return redirect(url_for("respond.help_page"))
    return render_template("respond/help.html", copy=copy, variant=variant, form=form,
                           offer=offer, errors=error_list(form)), (400 if form.errors else 200)
