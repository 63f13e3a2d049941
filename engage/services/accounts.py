"""Staff accounts: create, invite, disable and enable, change role and school scope."""
import re
import secrets
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import Role, School, User
from engage.services import audit
from engage.services.errors import InvalidInput
from engage.services.security import passwords
from engage.services.security.passwords import hash_password
from engage.words import by_name

__all__ = ["hash_password"]  # kept here too: factories and the demo hash with it


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


def invite_user(session: Session, email: str, role: str, school_ids: Iterable[int] = (),
                actor: User | None = None) -> User:
    """Create an account that has no password anyone knows: its owner chooses one from a link."""
    return create_user(session, email, role, secrets.token_urlsafe(32), school_ids, actor)


# Something, an @, a domain with a dot, and no spaces: enough to catch a typing slip.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def _check_new_user(session: Session, email: str, role: str, password: str,
                    school_ids: list[int]) -> None:
    problems = new_user_problems(session, email, role, school_ids)
    if problems:
        raise problems[0]
    passwords.check(password, email)


def new_user_problems(session: Session, email: str, role: str, school_ids: list[int]) -> list[InvalidInput]:
    """Return every reason the rules refuse this new account, in the order of the form (none: fine).

    An admin is told everything at once rather than one problem per try.
    """
    email, problems = normalise_email(email), []
    if not EMAIL.fullmatch(email) or len(email) > 254:
        problems.append(InvalidInput("Enter an email address in the right format, like name@example.org.", "email"))
    elif find_user(session, email) is not None:
        problems.append(InvalidInput("There is already an account with that email address.", "email"))
    if role not in {r.value for r in Role}:
        problems.append(InvalidInput(f"Choose a role: {', '.join(r.value for r in Role)}.", "role"))
    elif role == Role.SCHOOL_CONTACT and not school_ids:
        problems.append(InvalidInput("A school contact must be linked to at least one school.", "schools"))
    elif role not in SCOPED_ROLES and school_ids:
        problems.append(InvalidInput("Only a school contact or a safeguarding lead is linked to schools.",
                                     "schools"))
    known = set(session.scalars(select(School.id).where(School.id.in_(school_ids))))
    if set(school_ids) - known:
        problems.append(InvalidInput("There is no school with that id.", "schools"))
    return problems


def list_users(session: Session) -> list[User]:
    """Return every account, by email address."""
    return list(session.scalars(select(User).order_by(User.email)))


def get_user(session: Session, user_id: int) -> User | None:
    """Return the account with this id, for the session loader."""
    return session.get(User, user_id)


def disable_user(session: Session, email: str, actor: User | None = None) -> User:
    """Stop an account signing in; its history stays."""
    begin_write(session)
    try:
        user = _existing(session, email)
        if actor is not None and actor.id == user.id:
            raise InvalidInput("You cannot disable your own account. Ask another admin to do it.", "email")
        _keep_an_admin(session, user)
    except InvalidInput:
        session.rollback()
        raise
    user.active = False
    user.session_version += 1
    audit.record(session, "user_disabled", actor, user.email)
    session.commit()
    return user


def enable_user(session: Session, email: str, actor: User | None = None) -> User:
    """Let a disabled account sign in again, with the role and schools it had."""
    begin_write(session)
    try:
        user = _existing(session, email)
    except InvalidInput:
        session.rollback()
        raise
    if not user.active:
        user.active = True
        audit.record(session, "user_enabled", actor, user.email)
    session.commit()
    return user


def _existing(session: Session, email: str) -> User:
    user = find_user(session, email)
    if user is None:
        raise InvalidInput("There is no account with that email address.", "email")
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
        user.session_version += 1  # signed in under the old role: sign in again
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
    schools = ", ".join(s.name for s in by_name(user.schools))
    return f"{user.role} ({schools})" if schools else str(user.role)
