"""Rate limits are counted in the database, so every worker and server shares one count."""
from sqlalchemy import func, select

from engage import create_app
from engage.models import RateLimitCounter
from tests.conftest import _config, csrf_token

SIGN_IN = "/auth/sign-in"


def _try(client):
    page = client.get(SIGN_IN)
    return client.post(SIGN_IN, data={"csrf_token": csrf_token(page.text), "email": "nobody@example.org",
                                      "password": "x"}).status_code


def test_two_servers_share_the_sign_in_limit(app, migrated):
    other_server = create_app({**_config(), "DATABASE_URL": migrated})
    try:
        first, second = app.test_client(), other_server.test_client()
        statuses = [_try(first if n % 2 else second) for n in range(11)]
    finally:
        other_server.extensions["engage.engine"].dispose()
    assert statuses[:10] == [400] * 10 and statuses[10] == 429


def test_the_counters_are_rows_in_the_database(client, db):
    _try(client)
    assert db.scalar(select(func.count()).select_from(RateLimitCounter)) >= 1


def test_guessing_resume_codes_is_limited_across_servers(app, migrated):
    other_server = create_app({**_config(), "DATABASE_URL": migrated})
    try:
        statuses = []
        for n in range(31):
            client = (app if n % 2 else other_server).test_client()
            page = client.get("/resume")
            statuses.append(client.post("/resume", data={"csrf_token": csrf_token(page.text),
                                                         "code": "otter-maple-drum-kite"}).status_code)
    finally:
        other_server.extensions["engage.engine"].dispose()
    assert set(statuses[:30]) == {400} and statuses[30] == 429


def test_redis_is_there_for_those_who_configure_it():
    from limits.storage import storage_from_string

    assert type(storage_from_string("redis://127.0.0.1:1")).__name__ == "RedisStorage"
