"""The staff workspace: consultations, schools, class codes, participation and the audit log."""
from flask import Blueprint, Flask

from engage.auth.session import staff_only

bp = Blueprint("workspace", __name__, url_prefix="/workspace")


# Every staff route needs a signed-in, recently active account.
bp.before_request(staff_only)


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    # Imported for their routes, which register themselves on the blueprint.
    from engage.workspace import (  # noqa: F401
        accounts,
        admin,
        ballots,
        consultations,
        erasure,
        home,
        kiosk,
        paper,
        participation,
        schools,
        survey_items,
        survey_preview,
        survey_structure,
        surveys,
        xlsform,
    )
    from engage.workspace.nav import navigation
    from engage.workspace.support import closes, day

    app.context_processor(navigation)
    app.add_template_filter(day, "day")
    app.add_template_filter(closes, "closes")
    app.register_blueprint(bp)
