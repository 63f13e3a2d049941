"""Results pages: which consultations have results, the summary with filters, and downloads."""
from flask import Response, abort, render_template, request, stream_with_context
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from engage import permissions as can
from engage.db import get_session, results_sessionmaker
from engage.definitions.choices import WHOLE_BOROUGH
from engage.definitions.translations import NAMES as LANGUAGE_NAMES
from engage.definitions.variants import AUDIENCES
from engage.insights import bp, viewmodel
from engage.insights import overview as overview_view
from engage.insights.forms import FilterForm, StandOutForm
from engage.models import Role
from engage.results import exports
from engage.results import summary as svc
from engage.results.filters import Filters
from engage.results.labels import VARIANT_LABELS, WHOLE_BOROUGH_LABEL
from engage.services.consultations import schools
from engage.services.workspace import consultations as wc

READERS = (Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL)
DOWNLOADS = ("csv", "long.csv", "xlsx", "sav")


def can_see_results(user, consultation) -> bool:
    """Officers and admins see every summary; the youth council sees youth-led ones."""
    return can.can_read_results(user, consultation)


def can_download(user) -> bool:
    """Downloads hold free text: officers and admins only."""
    return can.has_role(user, can.APPROVERS)


@bp.get("/")
@can.role_required(*READERS)
def index():
    """List the consultations whose results this person may see."""
    found = [c for c in wc.list_consultations(get_session()) if can_see_results(current_user, c)]
    return render_template("insights/index.html", consultations=found,
                           youth_council=can.role_of(current_user) == Role.YOUTH_COUNCIL)


def _choices(everyone: str, pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice("", everyone)] + [SelectChoice(v, label) for v, label in pairs]


def _form(consultation) -> FilterForm:
    form = FilterForm(request.args)
    fw = svc.framework()
    audiences = dict.fromkeys(AUDIENCES[v] for v in consultation.variants)
    form.audience.choices = _choices("Everyone", [(a, viewmodel.AUDIENCE_LABELS[a]) for a in audiences])
    form.variant.choices = _choices("All versions", [(v, VARIANT_LABELS[v]) for v in consultation.variants])
    form.school.choices = _choices("All schools", [(str(s.id), s.name) for s in schools(get_session())])
    form.area.choices = _choices("All areas", [(a["id"], a["name"]) for a in fw.areas]
                                 + [(WHOLE_BOROUGH, WHOLE_BOROUGH_LABEL)])
    form.priority_group.choices = _choices("Everyone", [(g["id"], g["label"]) for g in fw.priority_groups])
    form.channel.choices = _choices("Every way", list(viewmodel.CHANNEL_LABELS.items()))
    form.language.choices = _choices("Every language", list(LANGUAGE_NAMES.items()))
    return form


def _filters(form: FilterForm) -> Filters:
    if not form.validate():
        return Filters()
    return Filters(audience=form.audience.data or None, variant=form.variant.data or None,
                   school_id=int(form.school.data) if form.school.data else None,
                   area_id=form.area.data or None, priority_group=form.priority_group.data or None,
                   date_from=form.date_from.data, date_to=form.date_to.data,
                   channel=form.channel.data or None, language=form.language.data or None)


@bp.get("/<int:consultation_id>")
@can.role_required(*READERS)
def summary(consultation_id: int):
    """Show the five-values summary, filtered, with charts, tables and downloads."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    if not can_see_results(current_user, consultation):
        abort(404)  # the youth council: as if consultations it may not see did not exist
    form = _form(consultation)
    result = svc.summarise(session, consultation, _filters(form))
    return render_template("insights/summary.html", consultation=consultation, form=form,
                           summary=result, sections=viewmodel.value_sections(result),
                           linked=viewmodel.linked(result), labels=viewmodel.AUDIENCE_LABELS,
                           names=result["names"], overview_sections=overview_view.sections(result),
                           stand_out_form=StandOutForm(), can_plan=can.has_role(current_user, can.APPROVERS),
                           show_quotes=can_download(current_user),
                           downloads=DOWNLOADS if can_download(current_user) else ())


@bp.post("/<int:consultation_id>/download/<fmt>")
@can.role_required(Role.ADMIN, Role.OFFICER)
def download(consultation_id: int, fmt: str):
    """Stream one export, and record who took it in the audit log (a POST: it writes that record)."""
    if fmt not in DOWNLOADS:
        abort(404)
    session = get_session()
    consultation = wc.get(session, consultation_id)
    from engage.services import audit

    audit.record(session, "export", current_user, target=consultation.slug, detail=f"format {fmt}")
    session.commit()
    mime, suffix = exports.FORMATS[fmt]
    chunks = exports.stream(results_sessionmaker(), consultation.id, fmt)
    return Response(stream_with_context(chunks), mimetype=mime, headers={
        "Content-Disposition": f'attachment; filename="{consultation.slug}.{suffix}"'})
