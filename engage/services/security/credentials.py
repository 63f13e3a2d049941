"""Changing and resetting passwords, and ending every session of an account."""
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import User
from engage.services import audit
from engage.services.accounts import find_user
from engage.services.errors import InvalidInput
from engage.services.security import passwords, two_step

WRONG_CURRENT = "Your current password is not right."
NO_ACCOUNT = "There is no account with that email address."


def end_sessions(session: Session, user: User, why: str = "signed_out") -> None:
    """End every session of the account, on every server, at once."""
    begin_write(session)
    session.refresh(user)
    user.session_version += 1
    audit.record(session, why, user, user.email)
    session.commit()


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one; every session of the account ends."""
    begin_write(session)
    session.refresh(user)
    if not passwords.verify(user.password_hash, current):
        session.rollback()
        raise InvalidInput(WRONG_CURRENT, "current_password")
    _set(session, user, new, user, "password_changed")


def reset_password(session: Session, email: str, new: str, clear_two_step: bool = False,
                   actor: User | None = None) -> User:
    """Give an account a new password (and, for a lost phone, no authenticator); sessions end."""
    begin_write(session)
    user = find_user(session, email)
    if user is None:
        session.rollback()
        raise InvalidInput(NO_ACCOUNT, "email")
    if clear_two_step:
        two_step.turn_off(session, user, actor)
    _set(session, user, new, actor, "password_reset")
    return user


def clear_two_step(session: Session, email: str, actor: User | None = None) -> User:
    """Remove an account's authenticator (a lost phone): they set it up again at next sign-in."""
    begin_write(session)
    user = find_user(session, email)
    if user is None:
        session.rollback()
        raise InvalidInput(NO_ACCOUNT, "email")
    two_step.turn_off(session, user, actor)
    session.commit()
    return user


def _set(session: Session, user: User, new: str, actor: User | None, action: str) -> None:
    try:
        passwords.check(new, user.email)
    except InvalidInput:
        session.rollback()
        raise
    user.password_hash = passwords.hash_password(new)
    user.session_version += 1
    audit.record(session, action, actor, user.email)
    session.commit()
