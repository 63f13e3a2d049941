"""Behind a trusted load balancer, the client's address (not the proxy's) is seen."""
from flask import request

from engage import create_app
from tests.conftest import _config


def test_trusted_proxy_address_is_used(migrated):
    app = create_app({**_config(), "DATABASE_URL": migrated, "TRUSTED_PROXIES": 1})
    app.add_url_rule("/_who", "who", lambda: request.remote_addr)
    seen = app.test_client().get("/_who", headers={"X-Forwarded-For": "203.0.113.7"})
    app.extensions["engage.engine"].dispose()
    assert seen.text == "203.0.113.7"


def test_untrusted_forwarded_header_is_ignored(migrated):
    app = create_app({**_config(), "DATABASE_URL": migrated})
    app.add_url_rule("/_who", "who", lambda: request.remote_addr)
    seen = app.test_client().get("/_who", headers={"X-Forwarded-For": "203.0.113.7"})
    app.extensions["engage.engine"].dispose()
    assert seen.text == "127.0.0.1"
