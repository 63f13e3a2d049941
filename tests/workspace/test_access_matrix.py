"""Every workspace route x every role (and anonymous): allowed 200, anonymous to sign-in, others 403."""
import pytest

from engage import create_app
from engage.models import Role
from tests.conftest import _config
from tests.workspace.factories import build_world, sign_in_as

A, OFF, Y, S, G = (Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL, Role.SCHOOL_CONTACT,
                   Role.SAFEGUARDING_LEAD)
EVERYONE = set(Role)

# endpoint -> roles allowed. A new route fails test_every_route_is_in_the_matrix until added.
ALLOWED = {
    "workspace.home": EVERYONE,
    "workspace.consultations": {A, OFF, Y, G},
    "workspace.new_consultation": {A, OFF, Y},
    "workspace.consultation": {A, OFF, S, G},  # the open, officer-led one: not the youth council's
    "workspace.edit_consultation": {A, OFF, Y},  # the youth council draft
    "workspace.approve": {A, OFF},
    "workspace.change_status": {A, OFF},
    "workspace.codes": {A, OFF, S},
    "workspace.class_sheet": {A, OFF, S},  # the school contact's own school
    "workspace.participation": EVERYONE,
    "workspace.consultation_participation": {A, OFF, S, G},
    "workspace.schools": {A, OFF, S, G},
    "workspace.new_school": {A, OFF},
    "workspace.edit_school": {A, OFF},
    "workspace.audit_log": {A},
    "workspace.users": {A},
    "workspace.surveys": {A, OFF, Y},
    # The matrix's survey is the council's: the youth council reads it but changes only its own.
    "workspace.edit_page": {A, OFF},
    "workspace.readability": {A, OFF, Y},
    "workspace.export_survey": {A, OFF, Y},
    "workspace.import_survey": {A, OFF, Y},
    "workspace.survey": {A, OFF},
    "workspace.new_survey": {A, OFF, Y},
    "workspace.edit_survey_details": {A, OFF},
    "workspace.new_item": {A, OFF},
    "workspace.edit_item": {A, OFF},
    "workspace.remove_item": {A, OFF},
    "workspace.edit_page_titles": {A, OFF},
    "workspace.remove_page": {A, OFF},
    "workspace.move_in_survey": {A, OFF},
    "workspace.preview_survey": {A, OFF, Y},
    "workspace.edit_user": {A},  # only an admin changes what someone may do
    "workspace.new_user": {A},
    "workspace.disable_user": {A},
    "workspace.enable_user": {A},
    "workspace.password_link": {A},
    "workspace.clear_two_step": {A},
    "workspace.import_xlsform": {A, OFF, Y},
    "workspace.export_xlsform_file": {A, OFF, Y},
    "workspace.start_kiosk": {A, OFF},  # an event device is set up by council staff
    "workspace.paper_forms": {A, OFF},  # paper forms are printed and entered by council staff
    "workspace.paper_pdf_download": {A, OFF},
    "workspace.paper_entry": {A, OFF},
    "workspace.ballots_index": {A, OFF, Y, S},  # each sees the ballots of the consultations it may see
    "workspace.ballot_results": {A, OFF, S},  # officer-led: not the youth council's; a school sees its own
    "workspace.ballot_tally": {A, OFF, S},
    "workspace.erase_response": {A, OFF},  # erasure: one response, with a reason
    "workspace.erase_all": {A},  # every response of a closed consultation
}
ON_DRAFT = {"workspace.edit_consultation", "workspace.approve"}


def _workspace_app():
    return create_app({**_config(), "DATABASE_URL": "sqlite://"})


def _workspace_rules():
    return [(rule.endpoint, method) for rule in _workspace_app().url_map.iter_rules()
            if rule.rule.startswith("/workspace") for method in sorted(rule.methods & {"GET", "POST"})]


RULES = _workspace_rules()
WHO = [None, *Role]


def _declared_roles(app, endpoint: str) -> frozenset | None:
    view = app.view_functions[endpoint]
    while view is not None and not hasattr(view, "allowed_roles"):
        view = getattr(view, "__wrapped__", None)
    return getattr(view, "allowed_roles", None)


def test_every_workspace_view_declares_its_roles():
    app = _workspace_app()
    undeclared = {e for e, _m in RULES if _declared_roles(app, e) is None}
    assert undeclared == set()


def test_this_matrix_agrees_with_the_declared_roles():
    # Object-level checks may narrow a route (the youth council sees youth-led consultations only).
    app = _workspace_app()
    for endpoint, roles in ALLOWED.items():
        assert roles <= _declared_roles(app, endpoint), endpoint


def test_every_workspace_route_of_this_blueprint_is_in_the_matrix():
    assert {e for e, _m in RULES if e.startswith("workspace.")} == set(ALLOWED)


def _url(app, endpoint, world):
    values = {"consultation_id": (world.draft if endpoint in ON_DRAFT else world.open).id,
              "school_id": world.mine.id, "action": "close", "slug": "annual-young-people",
              "page_id": "safe", "variant": "primary", "item_id": "safe_in_area",
              "user_id": world.users["officer"].id}
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    with app.test_request_context():
        from flask import url_for

        # Routes of other blueprints may take ids this world does not know: 1 will do.
        return url_for(endpoint, **{k: values.get(k, 1) for k in rule.arguments})


@pytest.mark.parametrize("role", WHO, ids=lambda r: r.value if r else "anonymous")
@pytest.mark.parametrize(("endpoint", "method"), RULES, ids=lambda v: v)
def test_route_by_role(app, loaded, db, client, endpoint, method, role):
    # The matrix is about who may reach a route; CSRF has its own tests.
    app.config["WTF_CSRF_ENABLED"] = False
    world = build_world(db)
    sign_in_as(client, world.users[role.value] if role else None)
    url = _url(app, endpoint, world)
    response = client.open(url, method=method, data={})
    if role is None:
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/auth/sign-in?next=")
    elif role in ALLOWED.get(endpoint, _declared_roles(app, endpoint)):
        # A GET shows the page; an empty POST is refused as a form error or acted on.
        expected = {200} if method == "GET" else {200, 302, 400}
        if endpoint not in ALLOWED:
            expected |= {404}  # another blueprint's route, given an id that may not exist
        assert response.status_code in expected, (url, response.status_code)
        assert "/auth/sign-in" not in response.headers.get("Location", "")
    else:
        assert response.status_code == 403, (url, response.status_code)


# Sign-in and account routes (/auth): open to strangers only where signing in needs it.
# endpoint -> (anonymous GET, signed-in GET, signed-in empty POST); None where the method is not served.
SIGNED_OUT_TO_SIGN_IN = 302
AUTH = {
    "auth.sign_in": (200, 302, 400),
    "auth.sign_out": (None, None, 302),
    "auth.account": (SIGNED_OUT_TO_SIGN_IN, 200, None),
    "auth.change_password": (SIGNED_OUT_TO_SIGN_IN, 200, 400),
    # No password given in this browser: back to sign-in.
    "auth.two_step_code": (SIGNED_OUT_TO_SIGN_IN, 302, 302),
    # Those with the app already (admins and leads here) have nothing to set up.
    "auth.set_up_two_step": (SIGNED_OUT_TO_SIGN_IN, "200 without an app", "400 without an app"),
    "auth.recovery_codes": (302, 302, None),  # shown once, straight after setting up
    # Open to strangers (they have no password yet); a link that is not real is not found.
    "auth.set_password": (404, 404, 404),
    # Single sign-on is not configured in this test: there is nothing there.
    "auth.sso_start": (404, 404, None),
    "auth.sso_callback": (404, 404, None),
}
AUTH_RULES = [(rule.endpoint, method) for rule in _workspace_app().url_map.iter_rules()
              if rule.endpoint.startswith("auth.") for method in sorted(rule.methods & {"GET", "POST"})]


def test_every_auth_route_is_in_the_matrix():
    assert {e for e, _m in AUTH_RULES} == set(AUTH)


def _expected(endpoint, method, user):
    anonymous, get, post = AUTH[endpoint]
    wanted = anonymous if user is None and method == "GET" else (get if method == "GET" else post)
    if isinstance(wanted, str):
        wanted = int(wanted[:3]) if not user.totp_secret else 302
    return wanted


@pytest.mark.parametrize("role", WHO, ids=lambda r: r.value if r else "anonymous")
@pytest.mark.parametrize(("endpoint", "method"), AUTH_RULES, ids=lambda v: v)
def test_auth_route_by_role(app, loaded, db, client, endpoint, method, role):
    app.config["WTF_CSRF_ENABLED"] = False
    world = build_world(db)
    user = world.users[role.value] if role else None
    sign_in_as(client, user)
    arguments = {"token": "not-a-real-link"} if endpoint == "auth.set_password" else {}
    url = app.url_map.bind("localhost").build(endpoint, arguments)
    response = client.open(url, method=method, data={})
    if user is None and method == "POST":
        assert response.status_code in {302, 400, 404}  # nothing happens without a signed-in user
        assert client.get("/workspace/").status_code == 302
        return
    assert response.status_code == _expected(endpoint, method, user), (endpoint, response.status_code)
    if response.status_code == 302 and user is None:
        assert response.headers["Location"].startswith("/auth/sign-in")
