"""Demo staff accounts, one per role. Demo only: they share a fixed, published password."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.models import Role, School, User
from engage.services.accounts import create_user, find_user
from engage.services.security.two_step import REQUIRED_FOR

# Printed by `flask demo`; never use these accounts outside a demo.
DEMO_PASSWORD = "demo-only-password"
DEMO_DOMAIN = "demo.engage.invalid"


@dataclass(frozen=True)
class DemoAccount:
    """An account the demo made (or found), with its password to print."""

    email: str
    role: str
    password: str
    two_step: bool  # sets up an authenticator app at first sign-in


def create_demo_accounts(session: Session, schools: list[School]) -> list[DemoAccount]:
    """Create one account per role; the school contact looks after the first school."""
    made = []
    for role in Role:
        email = f"{role.value.replace('_', '-')}@{DEMO_DOMAIN}"
        if find_user(session, email) is None:
            linked = [schools[0].id] if role == Role.SCHOOL_CONTACT and schools else []
            create_user(session, email, role, DEMO_PASSWORD, linked)
        made.append(DemoAccount(email, role.value, DEMO_PASSWORD, role in REQUIRED_FOR))
    return made


def holds_real_data(session: Session) -> bool:
    """Say whether the database looks like a real service: any staff account not made by the demo."""
    real = select(User.id).where(~User.email.endswith(f"@{DEMO_DOMAIN}")).limit(1)
    return session.scalar(real) is not None
