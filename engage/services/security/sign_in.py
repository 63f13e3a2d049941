"""Signing in: the password, then the second step where there is one, with growing waits."""
from datetime import datetime

from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import User
from engage.services import audit
from engage.services.accounts import find_user, normalise_email
from engage.services.errors import SignInFailed
from engage.services.security import passwords, throttle, two_step

SIGN_IN_FAILED = ("The email address or password is not right. After 5 wrong tries, each "
                  "further try from this device has to wait a little longer.")
CODE_FAILED = "That code is not right. Enter the 6 digits your app shows now, or a recovery code."
WAIT = "Too many wrong tries from this device. Wait until {time} UTC, then try again."


def authenticate(session: Session, email: str, password: str, now: datetime, client: str = "") -> User:
    """Return the account if the password is right; wrong tries make this client wait longer.

    Unknown, disabled, waiting and wrong-password cases do the same work: one argon2
    verification, one failure counted, one audit row.
    """
    begin_write(session)
    email = normalise_email(email)[:254]
    user = find_user(session, email)
    usable = user is not None and user.active
    pair = throttle.pair_key(email, client)
    held = throttle.wait_until(session, pair, now)
    right = passwords.verify(user.password_hash if usable else passwords.dummy_hash(), password)
    if held or not right or not usable:
        reason = "waiting" if held else ("wrong password" if usable else "unknown or disabled")
        _refuse(session, user if usable else None, email, pair, now, reason, SIGN_IN_FAILED)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    session.commit()
    return user


def second_step(session: Session, user: User, code: str, now: datetime, client: str = "") -> None:
    """Accept a code from the authenticator app (or a recovery code), or count a failure."""
    begin_write(session)
    session.refresh(user)
    pair = throttle.pair_key(user.email, client)
    held = throttle.wait_until(session, pair, now)
    if held or not two_step.accept(session, user, code, now):
        _refuse(session, user, user.email, pair, now, "waiting" if held else "wrong code", CODE_FAILED)
    session.commit()


def signed_in(session: Session, user: User, now: datetime, client: str = "") -> None:
    """Record a completed sign-in and forget this client's wrong tries."""
    begin_write(session)
    throttle.clear(session, throttle.pair_key(user.email, client))
    session.refresh(user)
    user.last_sign_in_at = now
    audit.record(session, "sign_in", user, user.email)
    session.commit()


def _refuse(session: Session, user: User | None, email: str, pair: str, now: datetime,
            reason: str, message: str):
    held = throttle.wait_until(session, pair, now)
    throttle.count_failure(session, pair, now)
    audit.record(session, "sign_in_failed", user, email, reason)
    session.commit()
    raise SignInFailed(WAIT.format(time=f"{held:%H:%M}") if held else message)


def set_up_two_step(session: Session, user: User, secret: str, code: str, now: datetime) -> list[str] | None:
    """Turn on two-step sign-in if the code fits the new secret; return the recovery codes once."""
    begin_write(session)
    session.refresh(user)
    codes = two_step.enrol(session, user, secret, code, now)
    if codes is None:
        session.rollback()
        return None
    session.commit()
    return codes
