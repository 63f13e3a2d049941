"""Single sign-on with the council's identity provider over OpenID Connect (Authlib).

Set ENGAGE_OIDC_ISSUER, ENGAGE_OIDC_CLIENT_ID and ENGAGE_OIDC_CLIENT_SECRET and the sign-in
page offers "Sign in with your council account". The provider proves who someone is; engage
still decides what they may do: the verified email must belong to an active engage account,
whose role and schools apply as ever. Anyone else is refused plainly, and every refusal is in
the audit log. The code flow uses PKCE, a single-use state and a nonce, and the ID token's
signature, issuer, audience and expiry are checked against the provider's published keys.
"""
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app
from joserfc.errors import JoseError

from engage.models import User

PROVIDER = "council"
EXTENSION = "engage.oidc"


class Refused(Exception):
    """Single sign-on did not give a usable engage account; the message says why, plainly."""

    def __init__(self, message: str, detail: str):
        super().__init__(message)
        self.message = message
        self.detail = detail  # for the audit log: what exactly went wrong


def init_app(app: Flask) -> None:
    """Register the provider when it is configured; otherwise single sign-on stays off."""
    if not enabled(app):
        return
    registry = OAuth(app)  # one per app: Authlib caches clients per registry
    issuer = app.config["OIDC_ISSUER"].rstrip("/")
    registry.register(PROVIDER, client_id=app.config["OIDC_CLIENT_ID"],
                   client_secret=app.config["OIDC_CLIENT_SECRET"],
                   server_metadata_url=f"{issuer}/.well-known/openid-configuration",
                   client_kwargs={"scope": "openid email", "code_challenge_method": "S256",
                                  "timeout": app.config["OIDC_TIMEOUT"]})
    app.extensions[EXTENSION] = registry


def enabled(app: Flask | None = None) -> bool:
    """Say whether single sign-on is configured."""
    config = (app or current_app).config
    return bool(config.get("OIDC_ISSUER") and config.get("OIDC_CLIENT_ID"))


def client():
    """Return the registered provider's client."""
    return current_app.extensions[EXTENSION].create_client(PROVIDER)


def claims_from_callback() -> dict:
    """Finish the code flow for this request: exchange the code, verify the ID token, return its claims."""
    try:
        token = client().authorize_access_token(leeway=current_app.config["OIDC_LEEWAY"],
                                                claims_options=_claims_options())
    except (AuthlibBaseError, JoseError) as exc:
        raise Refused(_plain(exc), f"{exc.error}: {exc.description or ''}".strip(": ")) from exc
    except OSError as exc:  # the provider could not be reached
        raise Refused("The council's sign-in service did not answer. Try again in a few minutes.",
                      f"provider unreachable: {exc.__class__.__name__}") from exc
    claims = token.get("userinfo")
    if not claims:
        raise Refused("The council's sign-in did not say who you are.", "no ID token")
    if "email" not in claims:  # some providers give the email only at the userinfo endpoint
        more = dict(client().userinfo(token=token))
        claims = {**claims, **{k: more[k] for k in ("email", "email_verified") if k in more and
                               more.get("sub") == claims.get("sub")}}
    return dict(claims)


def verify(token: dict, nonce: str) -> dict:
    """Check an ID token as the callback does (signature, issuer, audience, expiry, nonce)."""
    try:
        return dict(client().parse_id_token(token, nonce, claims_options=_claims_options(),
                                            leeway=current_app.config["OIDC_LEEWAY"]))
    except (AuthlibBaseError, JoseError) as exc:
        raise Refused(_plain(exc), f"{exc.error}: {exc.description or ''}".strip(": ")) from exc


def _claims_options() -> dict:
    """Require this provider as issuer and engage as an audience (Authlib alone checks only azp)."""
    issuer = client().load_server_metadata()["issuer"]
    return {"iss": {"essential": True, "value": issuer},
            "aud": {"essential": True, "value": current_app.config["OIDC_CLIENT_ID"]}}


def verified_email(claims: dict) -> str:
    """Return the email the provider vouches for, or refuse."""
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        raise Refused("Your council account has no email address, so engage cannot find your account.",
                      "no email claim")
    if claims.get("email_verified") is not True:
        raise Refused("Your council account's email address is not verified, so engage cannot rely on it.",
                      f"email not verified: {email}")
    return email


def account_for(user: User | None, email: str) -> User:
    """Return the active engage account for this email, or refuse."""
    if user is None:
        raise Refused(f"There is no engage account for {email}. Ask an administrator to add you; "
                      "your council account alone does not give access.", f"no account: {email}")
    if not user.active:
        raise Refused("Your engage account is switched off. Ask an administrator.", f"disabled: {email}")
    return user


def _plain(exc: AuthlibBaseError | JoseError) -> str:
    """Say what went wrong in words for a person, not a protocol."""
    error = exc.error or ""
    if error == "mismatching_state":
        return "That sign-in link has already been used or has run out. Start signing in again."
    if error in ("invalid_claim", "missing_claim", "expired_token", "invalid_token"):
        return "The council's sign-in sent a pass engage cannot accept. Start signing in again."
    if error == "access_denied":
        return "Signing in was cancelled."
    return "Signing in with your council account did not work. Start signing in again."
