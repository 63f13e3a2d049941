"""The public "You said, we did" page, in each age band's own wording."""
from flask import render_template, request

from engage.db import get_session
from engage.public import bp
from engage.results import summary as svc
from engage.services import plan

BAND_NAMES = {"primary": "Ages 8 to 10", "secondary": "Ages 11 to 16", "post16": "Ages 16 to 25"}


@bp.get("/you-said-we-did/<slug>")
def you_said(slug: str):
    """Show what young people told us and what happened, in the chosen age band's words."""
    page = plan.public_page(get_session(), slug, request.args.get("band", ""), svc.framework())
    return render_template("public/you_said.html", page=page, bands=BAND_NAMES,
                           variant=page["band"])
