"""Links that let a person choose their own password: for a new account, or a forgotten password.

An administrator never sees, types or sends a password: they pass on a link, and its owner
chooses the password. The link is signed with the app's secret and carries a fingerprint of
the account's current password hash, so it stops working once it has been used or any other
password is set, and after LIFETIME; it does nothing while the account is disabled. It also
carries the account's link nonce, which each new link changes: only the newest link works, so
a link sent to the wrong place is cancelled by making another. A change of role leaves it
working: an admin who corrects a new account's role need not send a new link. A link that does
not work says why, in words its owner can act on.
"""
import hashlib
import secrets
from datetime import timedelta
from typing import NamedTuple

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import User
from engage.services import audit
from engage.services.errors import InvalidInput
from engage.services.security import credentials

LIFETIME = timedelta(days=7)
SALT = "engage-set-password"
NEW_LINK = "Ask an administrator for a new link."
NOT_WORKING = f"This link does not work. Check that you copied all of it. {NEW_LINK}"
TOO_OLD = f"This link is more than {LIFETIME.days} days old, so it does not work any more. {NEW_LINK}"
REPLACED = ("A newer link was made for this account, so this one does not work. Use the newest link "
            f"you were sent. {NEW_LINK}")
IF_LOST = "If it is lost, ask an administrator for a new link."
USED = f"This link was used already: a password has been chosen with it. Sign in with that password. {IF_LOST}"
PASSWORD_SINCE = ("A password has been chosen for this account since this link was made, so it does not "
                  f"work any more. Sign in with that password. {IF_LOST}")


class Link(NamedTuple):
    token: str
    replaced: bool  # an earlier link for the account was cancelled


def make_link_token(session: Session, user: User, secret: str, actor: User | None = None) -> Link:
    """Make a set-password link for the account, cancelling any older one; audited."""
    begin_write(session)
    replaced = user.password_link_nonce is not None
    user.password_link_nonce = secrets.token_urlsafe(16)
    audit.record(session, "password_link_made", actor, user.email, "older links cancelled" if replaced else None)
    session.commit()
    return Link(_signer(secret).dumps([user.id, _fingerprint(user), user.password_link_nonce]), replaced)


def account_for(session: Session, token: str, secret: str) -> User:
    """Return the active account the link is for, or refuse a link that no longer works, saying why."""
    try:
        user_id, fingerprint, *rest = _signer(secret).loads(token, max_age=int(LIFETIME.total_seconds()))
    except SignatureExpired:
        raise InvalidInput(TOO_OLD, "token") from None
    except (BadData, ValueError, TypeError):
        raise InvalidInput(NOT_WORKING, "token") from None
    nonce = rest[0] if rest else None  # links made before nonces existed carry none
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active:
        raise InvalidInput(NOT_WORKING, "token")
    if fingerprint != _fingerprint(user):
        raise InvalidInput(USED if nonce == user.password_link_nonce else PASSWORD_SINCE, "token")
    if nonce != user.password_link_nonce:
        raise InvalidInput(REPLACED, "token")
    return user


def set_password(session: Session, token: str, secret: str, new: str) -> User:
    """Give the link's account the password its owner chose; the link stops working."""
    user = account_for(session, token, secret)
    return credentials.reset_password(session, user.email, new, actor=user)


def _signer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]
