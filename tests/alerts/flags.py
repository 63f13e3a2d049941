"""Helpers for the alert tests: a flag added as the journey adds one, and one send run."""
import secrets
from functools import partial

from sqlalchemy import select

from engage.models import Consultation, Response, SafeguardingFlag, SurveyVersion
from engage.models._time import utcnow
from engage.services.safeguarding import alerts, mail, outbox
from engage.services.safeguarding.links import link_for


def add_flag(db, demo, severity="immediate", school_id=None, created_at=None) -> SafeguardingFlag:
    """Add a response with one flag, and its alerts, as services.free_text does."""
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    response = Response(consultation_id=consultation.id, variant="secondary",
                        version_id=db.scalar(select(SurveyVersion.id).limit(1)),
                        token=secrets.token_hex(16), school_id=school_id,
                        started_on=(created_at or utcnow()).date())
    db.add(response)
    db.flush()
    flag = SafeguardingFlag(response_id=response.id, consultation_id=consultation.id,
                            school_id=school_id, variant="secondary", item_key="q",
                            text="my dad hits me", severity=severity, category="physical_abuse",
                            reasons=[], created_at=created_at or utcnow())
    db.add(flag)
    db.flush()
    alerts.for_new_flag(db, flag, flag.created_at)
    db.commit()
    return flag


def send_now(app, db, now) -> outbox.Report:
    """Run one send as `flask alerts send` does, at this moment."""
    settings = mail.parse_smtp_url(app.config["SMTP_URL"])
    with app.app_context():
        return outbox.send_due(db, partial(mail.connect, settings), app.config["ALERTS_FROM"],
                               link_for, now)
