"""Tokens for the read-only data API: made, listed, revoked and checked, each step audited."""
import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.models import ApiToken
from engage.services import audit
from engage.services.errors import InvalidInput, NotFound

PREFIX = "engage_"  # lets secret scanners and people recognise a leaked token
NAME_LIMIT = 80
# How stale "last used" may get before a request writes it again: one write a minute at most.
USE_GRANULARITY = timedelta(minutes=1)


def digest(token: str) -> str:
    """Return the stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(session: Session, name: str, now: datetime) -> str:
    """Make a token with this name and return it (the only time it is ever seen)."""
    name = " ".join(name.split())[:NAME_LIMIT]
    if not name:
        raise InvalidInput("Give the token a name, such as the report or tool that will use it.")
    if session.scalar(select(ApiToken.id).where(ApiToken.name == name)) is not None:
        raise InvalidInput(f"There is already a token called '{name}'. Choose another name.")
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, digest=digest(token), created_at=now))
    audit.record(session, "api_token_created", None, target=name, detail="scope results")
    session.commit()
    return token


def listed(session: Session) -> list[ApiToken]:
    """Return every token, newest first (revoked ones too, marked)."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def revoke(session: Session, name: str, now: datetime) -> ApiToken:
    """Revoke the token with this name; it stops working at once."""
    token = session.scalar(select(ApiToken).where(ApiToken.name == " ".join(name.split())))
    if token is None:
        raise NotFound(f"There is no token called '{name}'. See `flask api-tokens list`.")
    if token.revoked_at is None:
        token.revoked_at = now
        audit.record(session, "api_token_revoked", None, target=token.name)
    session.commit()
    return token


def check(session: Session, presented: str, now: datetime) -> ApiToken | None:
    """Return the live token matching what a request presented, or None; note when it was used."""
    if not presented.startswith(PREFIX) or len(presented) > 200:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.digest == digest(presented)))
    if token is None or token.revoked_at is not None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= USE_GRANULARITY:
        token.last_used_at = now
        session.commit()
    return token
