"""Comment review routes: officers and admins only."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.comments import bp
from engage.comments import viewmodel as vm
from engage.comments.forms import FilterForm, TagForm
from engage.db import get_session
from engage.models import Consultation, Role
from engage.permissions import role_required
from engage.services import comments as svc
from engage.services import reads
from engage.services.consultations import survey_of
from engage.services.corrections import correct_tag
from engage.services.errors import DomainError
from engage.workspace.support import framework

FILTER_FIELDS = ("value", "subtheme", "audience", "question", "uncertain", "unread")


def _question_wordings(consultation: Consultation) -> dict[str, dict[str, str]]:
    """Return each question's wording per audience, by key."""
    return {item.id: dict(item.text) for item in survey_of(consultation.version).items()}


def _filter_form(db, consultation: Consultation, wordings: dict[str, str]) -> FilterForm:
    fw = framework()
    form = FilterForm(request.args)
    form.value.choices = [("", "Any value")] + [(str(v.id), vm.value_label(fw, v.id)) for v in fw.values]
    form.subtheme.choices = [("", "Any sub-theme")] + [
        (s.id, f"{vm.value_label(fw, v.id)} - {s.title}") for v in fw.values for s in v.subthemes]
    form.audience.choices = [("", "Everyone")] + [
        (a, vm.AUDIENCE_NAMES.get(a, a)) for a in consultation.variants]
    # In the list, a question reads as the oldest audience's wording: one wording, the plainest.
    form.question.choices = [("", "Any question")] + [
        (key, vm.wording(wordings, key)) for key in svc.questions_with_comments(db, consultation.id)]
    return form


def _chosen(form: FilterForm) -> svc.CommentFilter:
    """Turn a valid filter form into the service's filter; an invalid one filters nothing."""
    if not form.validate():
        return svc.CommentFilter()
    return svc.CommentFilter(int(form.value.data) if form.value.data else None, form.subtheme.data or None,
                             form.audience.data or None, form.question.data or None, form.uncertain.data,
                             current_user.id if form.unread.data else None)


@bp.route("/<int:consultation_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.OFFICER)
def review(consultation_id: int):
    """List free-text answers (uncertain tags first) with their tags; take an officer's correction."""
    db = get_session()
    consultation = db.get(Consultation, consultation_id) or abort(404)
    form = TagForm()
    form.tag.choices = vm.tag_choices(framework())
    if form.validate_on_submit():
        return _correct(db, consultation, form)
    wordings = _question_wordings(consultation)
    filters = _filter_form(db, consultation, wordings)
    page = request.args.get("page", 1, type=int)
    found, pages, total = svc.comments(db, consultation.id, page, _chosen(filters))
    # Being shown a comment here is what "read" means in the use of feedback.
    reads.record(db, consultation.id, [c.answer_id for c in found], current_user.id)
    return render_template("comments/review.html", consultation=consultation, filters=filters,
                           comments=[vm.comment_view(framework(), c, wordings) for c in found],
                           page=page, pages=pages, total=total, choices=form.tag.choices,
                           args=_filter_args())


def _filter_args() -> dict[str, str]:
    """Return the filters in the query string, to keep them on page links and after a correction."""
    return {k: request.args[k] for k in FILTER_FIELDS if request.args.get(k)}


def _correct(db, consultation: Consultation, form: TagForm):
    answer_id = int(form.answer_id.data) if form.answer_id.data.isdigit() else 0
    if not svc.answer_in(db, consultation.id, answer_id):
        abort(404)
    value, _, subtheme = form.tag.data.partition(":")
    try:
        correct_tag(db, framework(), answer_id, int(value), subtheme or None, current_user)
    except DomainError as exc:
        flash(exc.message, "error")
    else:
        flash("The tag is corrected. It will be used the next time the model is trained.", "success")
    return redirect(url_for("comments.review", consultation_id=consultation.id,
                            page=request.args.get("page", 1, type=int), **_filter_args()))
