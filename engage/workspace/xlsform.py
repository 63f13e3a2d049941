"""Import a survey from an XLSForm spreadsheet (ODK, KoboToolbox) and download one as XLSForm."""
from flask import Response, render_template
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from engage.db import get_session
from engage.definitions.variants import VARIANTS
from engage.definitions.xlsform import ImportOptions
from engage.definitions.xlsform_export import export_xlsform
from engage.definitions.xlsform_read import XLSFormError
from engage.forms.workspace_editor import AUDIENCE_NAMES
from engage.permissions import EDITORS, role_required
from engage.services import xlsform
from engage.services.workspace import surveys as ed
from engage.workspace import bp
from engage.workspace.support import framework, may_change

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class XLSFormImportForm(FlaskForm):
    """An XLSForm workbook and the choices the spreadsheet cannot make."""

    file = FileField("XLSForm file (.xlsx)", validators=[FileRequired("Choose an XLSForm file (.xlsx).")])
    variants = SelectMultipleField("Who the survey is for", validators=[Optional()],
                                   choices=[SelectChoice(v, AUDIENCE_NAMES[v]) for v in VARIANTS])
    value = RadioField("Value for questions with no engage_value column", validators=[Optional()], default="",
                       choices=[SelectChoice("", "None: leave those questions out"),
                                *(SelectChoice(str(n), f"Value {n}") for n in range(1, 6))])
    family = StringField("Survey id (optional)", validators=[Optional(), Length(max=79)])


@bp.route("/surveys/import-xlsform", methods=["GET", "POST"])
@role_required(*EDITORS)
def import_xlsform():
    """Convert an uploaded XLSForm, check it as `surveys check` does, save it and show the report."""
    form = XLSFormImportForm()
    form.value.choices = [form.value.choices[0], *(SelectChoice(str(v.id), f"{v.id}: {v.short}")
                                                   for v in framework().values)]
    context = {"form": form, "notes": [], "problems": [], "error": None, "saved": None, "summary": None}
    if form.validate_on_submit():
        upload = form.file.data
        options = ImportOptions(form.family.data or None, tuple(form.variants.data or ()),
                                int(form.value.data) if form.value.data else None, upload.filename or "form.xlsx")
        try:
            imported = xlsform.convert(upload.read(), options, framework())
        except XLSFormError as exc:
            context.update(error=str(exc), notes=exc.notes)
        except xlsform.ImportRejected as exc:
            context.update(problems=exc.problems, notes=exc.imported.notes)
        else:
            saved = xlsform.save(get_session(), imported, options.filename, current_user, may_change)
            context.update(saved=saved, notes=imported.notes, summary=imported.summary())
            return render_template("workspace/xlsform_import.html", **context)
    failed = form.errors or context["error"] or context["problems"]
    return render_template("workspace/xlsform_import.html", **context), 400 if failed else 200


@bp.get("/surveys/<slug>/xlsform")
@role_required(*EDITORS)
def export_xlsform_file(slug: str):
    """Download the newest version of a survey as an XLSForm."""
    version = ed.latest(get_session(), slug)
    return Response(export_xlsform(version.definition), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="{slug}-v{version.number}.xlsx"'})
