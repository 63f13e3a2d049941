"""What makes a staff password acceptable: long enough, varied, and not a common one."""
import re
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from engage.services.errors import InvalidInput

MIN_LENGTH = 12
MIN_DIFFERENT = 5
COMMON_FILE = Path(__file__).resolve().parent / "data" / "common-passwords.txt"
# Digits people use in place of letters ("passw0rd", "l3tmein").
LOOK_ALIKES = str.maketrans("013457@$!", "oieastasi")
# argon2-cffi's PasswordHasher uses argon2id with the RFC 9106 low-memory profile.
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Return an argon2id hash of the password."""
    return _hasher.hash(password)


def verify(password_hash: str, password: str) -> bool:
    """Say whether the password matches the hash (one argon2 verification, whatever the answer)."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """Return a hash to verify against when there is no account, so every failure does the same work."""
    return _hasher.hash("not a real password, only for timing")


def needs_rehash(password_hash: str) -> bool:
    """Say whether the hash was made with older settings."""
    return _hasher.check_needs_rehash(password_hash)


@cache
def common_passwords() -> frozenset[str]:
    """Return the shipped list of common passwords, lower-cased."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


def problem(password: str, email: str = "") -> str | None:
    """Return what is wrong with a new password in plain words, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"The password must be at least {MIN_LENGTH} characters."
    if len(set(password.lower())) < MIN_DIFFERENT:
        return f"The password must use at least {MIN_DIFFERENT} different characters."
    if is_common(password, email):
        return ("That password is too easy to guess: it is a common password or made from one. "
                "Try three or four random words.")
    return None


def check(password: str, email: str = "") -> None:
    """Refuse a new password that breaks the rules."""
    message = problem(password, email)
    if message:
        raise InvalidInput(message, "password")


def is_common(password: str, email: str = "") -> bool:
    """Say whether the password is a common one, perhaps dressed up, or the person's own email."""
    forms = _forms(password)
    local = email.lower().split("@")[0]
    if local and any(form in {local, email.lower()} for form in forms):
        return True
    return bool(forms & common_passwords()) or _padded_common(password.lower())


def _padded_common(lower: str) -> bool:
    """Say whether a long common password starts this one and only digits or symbols follow."""
    return any(lower.startswith(word) and not re.search(r"[a-z]", lower[len(word):])
               for word in common_passwords() if len(word) >= 6)


def _forms(password: str) -> set[str]:
    """Return the password and what it reduces to without case, padding, look-alikes or repeats."""
    lower = password.lower()
    forms = {lower, _core(lower), re.sub(r"[\W_]+", "", lower)}
    forms |= {_core(form.translate(LOOK_ALIKES)) for form in list(forms)}
    forms |= {_repeated_unit(form) for form in list(forms)}
    return {form for form in forms if form}


def _core(text: str) -> str:
    """Strip digits and symbols padding the start and end ("!!monkey123" -> "monkey")."""
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


def _repeated_unit(text: str) -> str:
    """Return the shortest piece that repeats to make text ("abcabc" -> "abc")."""
    match = re.fullmatch(r"(.+?)\1+", text)
    return match.group(1) if match else text
