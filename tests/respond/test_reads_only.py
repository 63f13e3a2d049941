"""Pages that only read run without a transaction on PostgreSQL; the next write has its own as before."""
import pytest
from sqlalchemy import event

from tests.conftest import ON_POSTGRES, csrf_token
from tests.respond.journey import begin, fill

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="SQLite keeps its in-process BEGIN")


@pytest.fixture
def modes(app):
    """(first word of each statement, whether the driver ran it in autocommit), as sent."""
    seen: list[tuple[str, bool]] = []
    engine = app.extensions["engage.engine"]

    def record(connection, _cursor, statement, *_args):
        seen.append((statement.split()[0].upper(), connection.connection.driver_connection.autocommit))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_reading_pages_send_no_transaction_and_saving_pages_keep_theirs(client, demo, modes):
    begin(client, demo["annual"], "parent")
    modes.clear()
    page = client.get("/answer/1")
    read = list(modes)
    modes.clear()
    saved = client.post("/answer/1", data={**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"})
    written = list(modes)

    assert page.status_code == 200 and saved.status_code == 302
    assert read and all(autocommit for _, autocommit in read)
    assert {"WITH"} <= {word for word, _ in written}  # the new answers and the response's page, one statement
    assert written and not any(autocommit for _, autocommit in written)
    modes.clear()
    assert client.get("/").status_code == 200 and client.get(f"/c/{demo['annual']}/parent").status_code == 200
    assert modes and all(autocommit for _, autocommit in modes)
