"""Survey editor routes for one question: add, change (type, tags, audiences, wordings, options), remove."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.db import get_session
from engage.definitions.variants import YOUNG
from engage.forms.survey_item import add_rows, changes_from, initial, item_form, target_from
from engage.forms.survey_problems import place
from engage.forms.workspace_editor import AUDIENCE_NAMES, RemoveForm
from engage.permissions import EDITORS, role_required
from engage.services import survey_editing as se
from engage.services.errors import DefinitionRejected, NotFound
from engage.services.workspace import survey_names as sn
from engage.services.workspace import surveys as ed
from engage.workspace import bp
from engage.workspace.support import editable_version, framework, saved_message


def page_choices(definition: dict) -> list[tuple[str, str]]:
    """Return (page id, label) for each page, labelled with its first title."""
    return [(page_id, name[0].upper() + name[1:]) for page_id, name in sn.page_names(definition).items()]


def _find(definition: dict, item_id: str) -> tuple[dict, dict]:
    try:
        page, position = se.find_item(definition, item_id)
    except se.Missing as exc:
        raise NotFound("We could not find that question in the survey.") from exc
    return page, page["items"][position]


@bp.route("/surveys/<slug>/new-item", methods=["GET", "POST"])
@role_required(*EDITORS)
def new_item(slug: str):
    """Add a question to a page (or to a new page)."""
    return _item_page(slug, None)


@bp.route("/surveys/<slug>/items/<item_id>", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_item(slug: str, item_id: str):
    """Change one question; saving makes a new version."""
    return _item_page(slug, item_id)


def _item_page(slug: str, item_id: str | None):
    version = editable_version(slug)
    definition = version.definition
    variants = list(definition["variants"])
    if item_id is None:
        page_id, item = request.args.get("page", definition["pages"][0]["id"], type=str), {}
    else:
        page, item = _find(definition, item_id)
        page_id = page["id"]
    form = item_form(variants, page_choices(definition), framework(), new=item_id is None,
                     data=initial(item, page_id, variants, version.number))
    problems, checked = [], False
    if form.validate_on_submit():
        if form.action.data == "rows":
            add_rows(form)
        else:
            try:
                result = _apply(slug, item_id, form, variants)
            except DefinitionRejected as exc:
                problems = exc.problems
                form.base_version.data = str(ed.latest(get_session(), slug).number)
            else:
                if result is not None:
                    flash(saved_message(result), "success")
                    return redirect(url_for("workspace.survey", slug=slug))
                checked = True
    return _render(version, item_id, item, form, variants, problems, checked)


def _apply(slug: str, item_id: str | None, form, variants: list[str]):
    changes, target = changes_from(form, variants), target_from(form, variants)
    new_id = (form.item_id.data or "").strip() if item_id is None else item_id
    base = int(form.base_version.data) if (form.base_version.data or "").isdigit() else None
    return ed.edit(get_session(), slug, base, lambda d: se.put_item(d, item_id, new_id, changes, target),
                   framework(), current_user, dry_run=form.action.data == "check")


def _render(version, item_id, item, form, variants, problems, checked):
    fields = {f.name for f in form} | {"item_id", "options"}
    summary, by_field = place(problems, item_id or (form.item_id.data or "").strip(),
                              (form.new_page_id.data or "").strip(), fields)
    boxes = [{"variant": v, "name": AUDIENCE_NAMES.get(v, v), "text": form[f"text_{v}"],
              "hint": form[f"hint_{v}"], "title": form[f"new_title_{v}"],
              "text_grade": ed.grade(form[f"text_{v}"].data or "", v) if v in YOUNG else None,
              "hint_grade": ed.grade(form[f"hint_{v}"].data or "", v) if v in YOUNG else None} for v in variants]
    status = 400 if form.errors or problems else 200
    return render_template("workspace/survey_item.html", version=version, item_id=item_id, item=item, form=form,
                           boxes=boxes, summary=summary, by_field=by_field, checked=checked,
                           variants=variants, names=AUDIENCE_NAMES, item_name=sn.item_name(item)), status


@bp.route("/surveys/<slug>/items/<item_id>/remove", methods=["GET", "POST"])
@role_required(*EDITORS)
def remove_item(slug: str, item_id: str):
    """Confirm, then remove a question (and its page, if it was the only one there)."""
    version = editable_version(slug)
    page, _item = _find(version.definition, item_id)
    form = RemoveForm(data={"base_version": str(version.number)})
    problems = []
    if form.validate_on_submit():
        try:
            result = ed.edit(get_session(), slug, int(form.base_version.data) if form.base_version.data.isdigit()
                             else None, lambda d: se.remove_item(d, item_id), framework(), current_user)
        except DefinitionRejected as exc:
            problems = exc.problems
        else:
            flash(saved_message(result), "success")
            return redirect(url_for("workspace.survey", slug=slug))
    alone = len(page["items"]) == 1
    return render_template("workspace/survey_remove.html", version=version, form=form, problems=problems,
                           what=f"the question {sn.item_name(_item)}",
                           page_goes=sn.page_names(version.definition)[page["id"]] if alone else None), \
        (400 if form.errors or problems else 200)
