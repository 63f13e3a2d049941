"""Staff accounts: officers, the youth council, school contacts and safeguarding leads."""
import enum
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow
from engage.models.consultation import School


class Role(enum.StrEnum):
    """What a staff account may do; see engage.permissions for the rules."""

    ADMIN = "admin"
    OFFICER = "officer"
    YOUTH_COUNCIL = "youth_council"
    SCHOOL_CONTACT = "school_contact"
    SAFEGUARDING_LEAD = "safeguarding_lead"

    @property
    def label(self) -> str:
        """Return the role as people say it."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.OFFICER: "Council officer",
    Role.YOUTH_COUNCIL: "Youth council member",
    Role.SCHOOL_CONTACT: "School contact",
    Role.SAFEGUARDING_LEAD: "Safeguarding lead",
}

# A school contact sees only the schools linked here.
user_schools = Table(
    "user_schools",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("school_id", ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    """A staff account; flask-login reads is_authenticated, is_active and get_id from it."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    # Every signed-in session carries the version it started with; raising it (sign-out,
    # a new role or password, disabling) ends all of them at once, on every server.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Base32 secret of the authenticator app, once two-step sign-in is set up.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # The last time step whose code was accepted: a code works once.
    totp_last_step: Mapped[int | None]
    last_sign_in_at: Mapped[datetime | None]
    # A random value carried by the newest set-password link: making a new link changes it, so
    # every older link stops working (an admin who sends a second link cancels the first).
    password_link_nonce: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    schools: Mapped[list[School]] = relationship(secondary=user_schools, order_by=School.name)

    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        """Say whether the account may sign in (disabled accounts may not)."""
        return self.active

    def get_id(self) -> str:
        """Return the id flask-login keeps in the session."""
        return str(self.id)

    @property
    def role_enum(self) -> Role:
        """Return the role as the enum."""
        return Role(self.role)

    @property
    def school_ids(self) -> set[int]:
        """Return the ids of the schools this account is linked to."""
        return {school.id for school in self.schools}


class RecoveryCode(Base):
    """A one-use code for signing in without the authenticator app; only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(200))
    used_at: Mapped[datetime | None]
