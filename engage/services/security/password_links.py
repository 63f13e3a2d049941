"""Links that let a person choose their own password: for a new account, or a forgotten password.

An administrator never sees, types or sends a password: they pass on a link, and its owner
chooses the password. The link is signed with the app's secret and carries a fingerprint of
the account's current password hash, so it stops working once it has been used or any other
password is set, and after LIFETIME; it does nothing while the account is disabled. A change of
role leaves it working: an admin who corrects a new account's role need not send a new link.
"""
import hashlib
from datetime import timedelta

from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import User
from engage.services import audit
from engage.services.errors import InvalidInput
from engage.services.security import credentials

LIFETIME = timedelta(days=7)
SALT = "engage-set-password"
NOT_WORKING = ("This link does not work any more: it was used already, or it is more than 7 days "
               "old. Ask an administrator for a new link.")


def make_link_token(session: Session, user: User, secret: str, actor: User | None = None) -> str:
    """Return the token of a set-password link for the account; the making is audited."""
    begin_write(session)
    audit.record(session, "password_link_made", actor, user.email)
    session.commit()
    return _signer(secret).dumps([user.id, _fingerprint(user)])


def account_for(session: Session, token: str, secret: str) -> User:
    """Return the active account the link is for, or refuse a link that no longer works."""
    try:
        user_id, fingerprint = _signer(secret).loads(token, max_age=int(LIFETIME.total_seconds()))
    except (BadData, ValueError, TypeError):
        raise InvalidInput(NOT_WORKING, "token") from None
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or fingerprint != _fingerprint(user):
        raise InvalidInput(NOT_WORKING, "token")
    return user


def set_password(session: Session, token: str, secret: str, new: str) -> User:
    """Give the link's account the password its owner chose; the link stops working."""
    user = account_for(session, token, secret)
    return credentials.reset_password(session, user.email, new, actor=user)


def _signer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]
