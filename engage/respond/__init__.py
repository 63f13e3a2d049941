"""The public respondent journey: no account, anonymous, any device, no JavaScript needed."""
from flask import Blueprint

bp = Blueprint("respond", __name__)


@bp.record_once
def _init_page_cache(state) -> None:
    from engage.respond import blank_pages

    blank_pages.init_app(state.app)


# Routes register on import: the way in, the journey, and the kiosk and display settings.
from engage.respond import kiosk, settings, views, way_in  # noqa: E402,F401
