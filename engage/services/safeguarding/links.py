"""Where an alert email sends the safeguarding lead: the flag itself, or the queue."""
from flask import current_app, url_for

from engage.models import SafeguardingAlert


def link_for(alert: SafeguardingAlert) -> str:
    """Return the full address of the alert's flag (or of the queue), at ENGAGE_BASE_URL."""
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        if alert.flag_id is None:
            return url_for("triage.queue", _external=True)
        return url_for("triage.concern", flag_id=alert.flag_id, _external=True)
