"""Settings, read from ENGAGE_* environment variables with safe defaults."""
import os
import secrets
from pathlib import Path

from flask import Flask

from engage.files import private_dir, write_private

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Config:
    """Defaults for running on one machine with the embedded SQLite database."""

    DATABASE_URL = os.environ.get("ENGAGE_DATABASE_URL", "")
    # A read replica of DATABASE_URL for the exports, which read every response; unset: the primary.
    RESULTS_DATABASE_URL = os.environ.get("ENGAGE_RESULTS_DATABASE_URL", "")
    SECRET_KEY = os.environ.get("ENGAGE_SECRET_KEY", "")
    SURVEYS_DIR = os.environ.get("ENGAGE_SURVEYS_DIR", str(PROJECT_ROOT / "surveys"))
    COUNCIL_NAME = os.environ.get("ENGAGE_COUNCIL_NAME", "Your council")
    # Free text is capped per answer; the request cap stops abuse well above that.
    MAX_TEXT_LENGTH = 5000
    MAX_CONTENT_LENGTH = 1024 * 1024
    # Blank survey pages kept per worker (each about 10-30 kB), the least recently read dropped.
    RESPOND_PAGE_CACHE_SIZE = 500
    # Browsers whose signed CSRF token is kept for reuse (respond.page_tokens): about 100 bytes each.
    RESPOND_SIGNED_TOKENS_KEPT = 10_000
    # A child may leave a page open through a lesson; a short CSRF window would lose their answers.
    WTF_CSRF_TIME_LIMIT = 6 * 3600
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("ENGAGE_SECURE_COOKIES", "") == "1"
    PERMANENT_SESSION_LIFETIME = 6 * 3600
    # Number of trusted proxies in front of the app (a load balancer): rate limits then count
    # the client's address, not the proxy's. 0 when the app is reached directly.
    TRUSTED_PROXIES = int(os.environ.get("ENGAGE_TRUSTED_PROXIES", "0"))
    # Safeguarding alerts by email (`flask alerts send`): where to send, from whom, and the
    # address staff reach the app at, for the link in each email.
    SMTP_URL = os.environ.get("ENGAGE_SMTP_URL", "")
    ALERTS_FROM = os.environ.get("ENGAGE_ALERTS_FROM", "engage@localhost")
    BASE_URL = os.environ.get("ENGAGE_BASE_URL", "http://127.0.0.1:5000")
    # Single sign-on over OpenID Connect (the council's identity provider); off unless set.
    OIDC_ISSUER = os.environ.get("ENGAGE_OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("ENGAGE_OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("ENGAGE_OIDC_CLIENT_SECRET", "")
    OIDC_LEEWAY = 60  # seconds of clock difference allowed between engage and the provider
    OIDC_TIMEOUT = 10  # seconds to wait for the provider
    # Password sign-in; switch it off (0) when everyone signs in with the council's provider.
    PASSWORD_SIGN_IN = os.environ.get("ENGAGE_PASSWORD_SIGN_IN", "1") != "0"
    # Requests each client address may make to the data API.
    API_RATE_LIMIT = os.environ.get("ENGAGE_API_RATE_LIMIT", "60 per minute")
    # Days each kind of personal data is kept (`flask retention apply`; see docs/security.md).
    RETAIN_ABANDONED_DAYS = int(os.environ.get("ENGAGE_RETAIN_ABANDONED_DAYS", "90"))
    RETAIN_CLOSED_FLAGS_DAYS = int(os.environ.get("ENGAGE_RETAIN_CLOSED_FLAGS_DAYS", "365"))
    RETAIN_CONTACT_DAYS = int(os.environ.get("ENGAGE_RETAIN_CONTACT_DAYS", "90"))

    @staticmethod
    def finalise(app: Flask) -> None:
        """Fill in settings that depend on the instance folder (closed to other users)."""
        # The instance folder holds the SQLite database, the secret key and the tagging model.
        private_dir(Path(app.instance_path))
        if not app.config.get("DATABASE_URL"):
            db_file = Path(app.instance_path) / "engage.db"
            app.config["DATABASE_URL"] = f"sqlite:///{db_file}"
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))


def _instance_secret(instance: Path) -> str:
    """Return a secret key kept in the instance folder, creating it once."""
    key_file = instance / "secret_key"
    if not key_file.exists():
        write_private(key_file, secrets.token_hex(32))
    return key_file.read_text().strip()


class TestConfig(Config):
    """Settings for the test suite: a fixed key; CSRF stays on so tests exercise it."""

    TESTING = True
    SECRET_KEY = "test-secret-key"
