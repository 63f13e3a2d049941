"""Single sign-on routes: off to the council's identity provider, and back with an account."""
from flask import abort, current_app, redirect, render_template, request, session, url_for

from engage.auth import bp, oidc
from engage.auth import session as staff_session
from engage.db import get_session
from engage.extensions import limiter
from engage.models._time import utcnow
from engage.services import accounts, audit

SIGN_IN_LIMIT = "10 per minute;50 per hour"  # as password sign-in, per address
NEXT = "sso_next"


@bp.get("/sso")
@limiter.limit(SIGN_IN_LIMIT)
def sso_start():
    """Send the person to the council's sign-in, remembering where they were going."""
    if not oidc.enabled():
        abort(404)
    session[NEXT] = staff_session.safe_next(request.args.get("next"), url_for("workspace.home"))
    return oidc.client().authorize_redirect(url_for("auth.sso_callback", _external=True))


@bp.get("/sso/callback")
@limiter.limit(SIGN_IN_LIMIT)
def sso_callback():
    """Finish signing in: a verified email that is an active engage account, or a plain refusal."""
    if not oidc.enabled():
        abort(404)
    db = get_session()
    try:
        email = oidc.verified_email(oidc.claims_from_callback())
        user = oidc.account_for(accounts.find_user(db, email), email)
    except oidc.Refused as refused:
        audit.record(db, "sign_in_sso_refused", None, detail=refused.detail)
        db.commit()
        return render_template("auth/sso_refused.html", message=refused.message,
                               password=current_app.config["PASSWORD_SIGN_IN"]), 403
    target = session.pop(NEXT, None) or url_for("workspace.home")
    user.last_sign_in_at = utcnow()
    audit.record(db, "sign_in_sso", user, detail="signed in with the council's identity provider")
    db.commit()
    staff_session.start(user)
    return redirect(staff_session.safe_next(target, url_for("workspace.home")))
