"""Small factories for workspace tests: accounts, a signed-in client, and a little world."""
import secrets
import time
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from engage.models import (
    Answer,
    Consultation,
    ConsultationStatus,
    Response,
    ResponseStatus,
    Role,
    School,
    SummaryQueue,
    User,
)
from engage.models._time import utcnow
from engage.services.accounts import hash_password
from engage.services.security.two_step import REQUIRED_FOR
from engage.services.setup import create_access_code, create_consultation

PASSWORD = "correct horse battery staple"
# The authenticator secret of test accounts whose role must use two-step sign-in.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
FREE_TEXT = "SECRET-FREE-TEXT-should-never-show"


@cache
def password_hash() -> str:
    """Hash the test password once per run: argon2id is slow on purpose."""
    return hash_password(PASSWORD)


def make_user(db, role: Role, email: str | None = None, schools: list[School] = (),
              totp: bool | None = None) -> User:
    """Add an active account with the test password (and the test authenticator where required)."""
    totp = role in REQUIRED_FOR if totp is None else totp
    user = User(email=email or f"{role.value}@example.org", role=role, password_hash=password_hash(),
                schools=list(schools), totp_secret=TOTP_SECRET if totp else None)
    db.add(user)
    db.commit()
    return user


def sign_in_as(client, user: User | None) -> None:
    """Put the user in the client's session as flask-login does (no password check)."""
    if user is None:
        return
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
        session["staff_last_seen"] = session["staff_started"] = int(time.time())
        session["staff_version"] = user.session_version


@dataclass
class World:
    """Schools, accounts and consultations every workspace test can use."""

    users: dict[str, User]
    mine: School
    other: School
    draft: Consultation
    open: Consultation


def submitted(db, consultation: Consultation, variant: str, school: School | None, year: int | None,
              text: str | None = None) -> Response:
    """Add one submitted response (with a free-text answer when text is given)."""
    response = Response(token=secrets.token_urlsafe(32), consultation_id=consultation.id,
                        version_id=consultation.version_id, variant=variant,
                        status=ResponseStatus.SUBMITTED, school_id=school.id if school else None,
                        year_group=year, started_on=date.today(), submitted_at=utcnow())
    if text:
        response.answers.append(Answer(item_key="free_text", text=text, value_id=1))
    db.add(response)
    db.flush()
    db.add(SummaryQueue(response_id=response.id, consultation_id=consultation.id))  # waits to be counted
    db.commit()
    return response


def build_world(db) -> World:
    """Two schools, one account per role, a youth council draft and an open consultation."""
    mine = School(name="Riverside Primary", phase="primary", area_id="north", roll={"5": 30, "6": 28})
    other = School(name="Park Hill Secondary", phase="secondary", area_id="south")
    db.add_all([mine, other])
    db.commit()
    users = {role.value: make_user(db, role, schools=[mine] if role == Role.SCHOOL_CONTACT else [])
             for role in Role}
    now = utcnow()
    draft = create_consultation(db, "annual-young-people", "yc-draft", "Youth council draft",
                                ["primary", "secondary"], None, now + timedelta(days=30))
    draft.created_by_id, draft.youth_led = users["youth_council"].id, True
    live = create_consultation(db, "annual-young-people", "live", "Annual survey 2027",
                               ["primary", "secondary", "parent"], now - timedelta(days=1),
                               now + timedelta(days=30), status=ConsultationStatus.OPEN,
                               series="Annual survey")
    live.created_by_id, live.approved_by_id, live.approved_at = users["officer"].id, users["officer"].id, now
    db.commit()
    create_access_code(db, live, "primary", mine, 5)
    create_access_code(db, live, "secondary", other, 8)
    db.commit()
    submitted(db, live, "primary", mine, 5, FREE_TEXT)
    submitted(db, live, "secondary", other, 8, FREE_TEXT)
    return World(users=users, mine=mine, other=other, draft=draft, open=live)
