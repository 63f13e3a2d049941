"""Two-step sign-in: a code from an authenticator app (TOTP), or a one-use recovery code."""
import hashlib
import secrets
from datetime import datetime

import pyotp
import segno
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from engage.models import RecoveryCode, Role, User
from engage.services import audit

# Staff who read disclosures, and those who can give anyone any role, must use it.
REQUIRED_FOR = frozenset({Role.ADMIN, Role.SAFEGUARDING_LEAD})
ISSUER = "engage"
RECOVERY_CODES = 10
STEP = 30


def required(user: User) -> bool:
    """Say whether the account's role must sign in with a second step."""
    return user.role_enum in REQUIRED_FOR


def new_secret() -> str:
    """Return a fresh base32 secret for an authenticator app."""
    return pyotp.random_base32()


def setup_uri(secret: str, email: str) -> str:
    """Return the otpauth:// link an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """Draw the link as an inline SVG QR code, on the server (no third-party service)."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=4, dark="#0b0c0c", light="#ffffff")


def code_step(secret: str, code: str, now: datetime) -> int | None:
    """Return the time step a six-digit code belongs to (now, or one step either side), if any."""
    code = "".join(code.split())
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current, current - 1, current + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


def enrol(session: Session, user: User, secret: str, code: str, now: datetime) -> list[str] | None:
    """Turn two-step sign-in on if the code matches the new secret; return the recovery codes once."""
    step = code_step(secret, code, now)
    if step is None:
        return None
    user.totp_secret, user.totp_last_step = secret, step
    codes = _new_recovery_codes(session, user)
    user.session_version += 1  # sessions begun with the password alone end
    audit.record(session, "two_step_set_up", user, user.email)
    return codes


def _new_recovery_codes(session: Session, user: User) -> list[str]:
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_format(secrets.token_hex(10)) for _ in range(RECOVERY_CODES)]
    session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    return codes


def _format(raw: str) -> str:
    return "-".join(raw[i:i + 5] for i in range(0, len(raw), 5))


def _hash(code: str) -> str:
    """Hash a recovery code; 80 random bits need no slow hash to stay out of reach."""
    plain = "".join(ch for ch in code.lower() if ch.isalnum())
    return hashlib.sha256(plain.encode()).hexdigest()


def accept(session: Session, user: User, code: str, now: datetime) -> bool:
    """Say whether the code is right, using it up: a TOTP step works once, a recovery code once."""
    if not user.totp_secret:
        return False
    step = code_step(user.totp_secret, code, now)
    if step is not None and step > (user.totp_last_step or 0):
        user.totp_last_step = step
        return True
    return _use_recovery_code(session, user, code, now)


def _use_recovery_code(session: Session, user: User, code: str, now: datetime) -> bool:
    found = session.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code),
        RecoveryCode.used_at.is_(None)))
    if found is None:
        return False
    found.used_at = now
    left = codes_left(session, user)
    audit.record(session, "recovery_code_used", user, user.email, f"{left} left")
    return True


def turn_off(session: Session, user: User, actor: User | None = None) -> None:
    """Remove the authenticator and recovery codes (a lost phone); the person sets it up again."""
    user.totp_secret, user.totp_last_step = None, None
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.session_version += 1
    audit.record(session, "two_step_removed", actor, user.email)


def codes_left(session: Session, user: User) -> int:
    """Return how many recovery codes the account has not used."""
    return session.scalar(select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0
