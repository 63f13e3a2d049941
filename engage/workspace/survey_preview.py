"""Preview a survey as one audience sees it: the respondent's own templates, nothing saved."""
from flask import current_app, render_template, request

from engage.db import get_session
from engage.definitions.choices import choices_for
from engage.forms.survey import page_form_class
from engage.forms.workspace_editor import AUDIENCE_NAMES
from engage.permissions import EDITORS, role_required
from engage.respond.viewmodels import question
from engage.respond.words import words
from engage.services import consultations as svc
from engage.services.errors import NotFound
from engage.services.workspace import surveys as ed
from engage.workspace import bp


def _number(pages: list, item_id: str | None, asked: int) -> int:
    """Return the page to show: the one holding the item, if one is named."""
    for number, page in enumerate(pages, start=1):
        if item_id and any(i.id == item_id for i in page.items):
            return number
    return min(max(1, asked), len(pages))


@bp.get("/surveys/<slug>/preview/<variant>")
@role_required(*EDITORS)
def preview_survey(slug: str, variant: str):
    """Render one page of the newest version as this variant's respondents see it."""
    db = get_session()
    version = ed.latest(db, slug)
    survey = svc.survey_of(version)
    pages = survey.pages_for(variant) if variant in survey.variants else []
    if not pages:
        raise NotFound("This survey has no questions for that audience.")
    number = _number(pages, request.args.get("item", type=str), request.args.get("page", 1, type=int))
    page = pages[number - 1]
    copy = words(variant)
    items = list(page.items)
    asks_school = any(i.profile == "school" for i in items)
    schools = [(str(s.id), s.name) for s in svc.schools(db, variant)] if asks_school else []
    choices = {i.id: choices_for(i, variant, copy, schools) for i in items}
    max_text = current_app.config["MAX_TEXT_LENGTH"]
    form = page_form_class(items, choices, copy, max_text)(formdata=None)
    questions = [question(i, form, choices[i.id], variant, copy, len(items) == 1, max_text) for i in items]
    progress = copy["progress_one"] if variant == "primary" else copy["progress_many"]
    return render_template(
        "workspace/survey_preview.html", version=version, variant=variant, page=page, number=number,
        total=len(pages), questions=questions, copy=copy, progress=progress.format(n=number, total=len(pages)),
        audience=AUDIENCE_NAMES.get(variant, variant), variants=survey.variants, names=AUDIENCE_NAMES)
