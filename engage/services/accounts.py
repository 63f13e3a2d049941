"""Staff accounts: create, sign in with lockout, disable, change role and school scope."""
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import Role, School, User
from engage.services import audit
from engage.services.workspace_errors import InvalidInput, SignInFailed

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 12
# argon2-cffi's PasswordHasher uses argon2id with the RFC 9106 low-memory profile.
_hasher = PasswordHasher()
SIGN_IN_FAILED = ("The email address or password is not right. After 5 wrong tries in a row "
                  "an account is locked for 15 minutes.")


def hash_password(password: str) -> str:
    """Return an argon2id hash of the password."""
    return _hasher.hash(password)


def normalise_email(email: str) -> str:
    """Trim and lower-case an email address, the form it is stored in."""
    return email.strip().lower()


def find_user(session: Session, email: str) -> User | None:
    """Return the account with this email address, if there is one."""
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(session: Session, email: str, role: str, password: str,
                school_ids: Iterable[int] = (), actor: User | None = None) -> User:
    """Create an account; school contacts must be linked to at least one school."""
    email = normalise_email(email)
    _check_new_user(session, email, role, password, list(school_ids))
    begin_write(session)
    user = User(email=email, role=Role(role), password_hash=hash_password(password))
    user.schools = list(session.scalars(select(School).where(School.id.in_(list(school_ids)))))
    session.add(user)
    session.flush()
    audit.record(session, "user_created", actor, email, f"role {role}")
    session.commit()
    return user


def _check_new_user(session: Session, email: str, role: str, password: str,
                    school_ids: list[int]) -> None:
    if "@" not in email or len(email) > 254:
        raise InvalidInput("Enter an email address, like name@example.org.", "email")
    if role not in {r.value for r in Role}:
        raise InvalidInput(f"Choose a role: {', '.join(r.value for r in Role)}.", "role")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"The password must be at least {MIN_PASSWORD} characters.", "password")
    if find_user(session, email) is not None:
        raise InvalidInput("There is already an account with that email address.", "email")
    if role == Role.SCHOOL_CONTACT and not school_ids:
        raise InvalidInput("A school contact must be linked to at least one school.", "school")
    if role not in SCOPED_ROLES and school_ids:
        raise InvalidInput("Only a school contact or a safeguarding lead is linked to schools.",
                           "school")
    known = set(session.scalars(select(School.id).where(School.id.in_(school_ids))))
    if set(school_ids) - known:
        raise InvalidInput("There is no school with that id.", "school")


def authenticate(session: Session, email: str, password: str, now: datetime) -> User:
    """Return the account if the password is right; count failures and lock after 5."""
    begin_write(session)
    user = find_user(session, email)
    if user is None or not user.active:
        _verify(_dummy_hash(), password)
        audit.record(session, "sign_in_failed", None, normalise_email(email)[:254], "unknown or disabled")
        session.commit()
        raise SignInFailed(SIGN_IN_FAILED)
    if user.locked_until and now < user.locked_until:
        audit.record(session, "sign_in_failed", user, user.email, "account locked")
        session.commit()
        raise SignInFailed(SIGN_IN_FAILED)
    if not _verify(user.password_hash, password):
        _count_failure(session, user, now)
        session.commit()
        raise SignInFailed(SIGN_IN_FAILED)
    _rehash_if_needed(user, password)
    user.failed_sign_ins, user.locked_until, user.last_sign_in_at = 0, None, now
    audit.record(session, "sign_in", user, user.email)
    session.commit()
    return user


@cache
def _dummy_hash() -> str:
    """Return a hash to verify against when the email is unknown, so both failures take as long."""
    return _hasher.hash("not a real password, only for timing")


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(session: Session, user: User, now: datetime) -> None:
    user.failed_sign_ins += 1
    audit.record(session, "sign_in_failed", user, user.email, "wrong password")
    if user.failed_sign_ins >= MAX_FAILURES:
        user.failed_sign_ins, user.locked_until = 0, now + LOCK_FOR
        until = f"until {user.locked_until:%Y-%m-%d %H:%M} UTC"
        audit.record(session, "account_locked", user, user.email, until)


def _rehash_if_needed(user: User, password: str) -> None:
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)


def list_users(session: Session) -> list[User]:
    """Return every account, by email address."""
    return list(session.scalars(select(User).order_by(User.email)))


def get_user(session: Session, user_id: int) -> User | None:
    """Return the account with this id, for the session loader."""
    return session.get(User, user_id)


def disable_user(session: Session, email: str, actor: User | None = None) -> User:
    """Stop an account signing in; its history stays."""
    begin_write(session)
    user = find_user(session, email)
    if user is None:
        raise InvalidInput("There is no account with that email address.", "email")
    try:
        _keep_an_admin(session, user)
    except InvalidInput:
        session.rollback()
        raise
    user.active = False
    audit.record(session, "user_disabled", actor, user.email)
    session.commit()
    return user


# Roles linked to schools: a school contact must be; a safeguarding lead may be (a school's
# designated safeguarding lead, who sees and is alerted about that school's flags only).
SCOPED_ROLES = frozenset({Role.SCHOOL_CONTACT, Role.SAFEGUARDING_LEAD})
LAST_ADMIN = "There must always be at least one active admin. Make someone else an admin first."


def set_role(session: Session, email: str, role: str, school_ids: Iterable[int] | None = None,
             actor: User | None = None) -> User:
    """Change an account's role and school scope, never leaving the service without an admin.

    school_ids None keeps the schools; only school contacts and safeguarding leads (a school's
    designated safeguarding lead) are linked to schools.
    """
    if role not in {r.value for r in Role}:
        raise InvalidInput(f"Choose a role: {', '.join(r.value for r in Role)}.", "role")
    begin_write(session)
    try:
        user = _change_role(session, email, role, school_ids, actor)
    except InvalidInput:
        session.rollback()  # let go of the write lock before saying what was wrong
        raise
    session.commit()
    return user


def _change_role(session: Session, email: str, role: str, school_ids: Iterable[int] | None,
                 actor: User | None) -> User:
    user = find_user(session, email)
    if user is None:
        raise InvalidInput("There is no account with that email address.", "email")
    ids = sorted(set(school_ids)) if school_ids is not None else sorted(user.school_ids)
    ids = ids if role in SCOPED_ROLES else []
    _check_scope(session, role, ids)
    if role != Role.ADMIN:
        _keep_an_admin(session, user)
    before = _describe(user)
    user.role = role
    user.schools = list(session.scalars(select(School).where(School.id.in_(ids))))
    session.flush()
    after = _describe(user)
    if after != before:
        audit.record(session, "role_changed", actor, user.email, f"{before} -> {after}")
    return user


def _check_scope(session: Session, role: str, school_ids: list[int]) -> None:
    if role == Role.SCHOOL_CONTACT and not school_ids:
        raise InvalidInput("A school contact must be linked to at least one school.", "schools")
    known = set(session.scalars(select(School.id).where(School.id.in_(school_ids))))
    if set(school_ids) - known:
        raise InvalidInput("There is no school with that id.", "schools")


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to take away the last active admin (by a role change or by disabling)."""
    if user.role != Role.ADMIN or not user.active:
        return
    others = session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN, User.active.is_(True), User.id != user.id))
    if not others:
        raise InvalidInput(LAST_ADMIN, "role")


def _describe(user: User) -> str:
    schools = ", ".join(sorted(s.name for s in user.schools))
    return f"{user.role} ({schools})" if schools else str(user.role)
