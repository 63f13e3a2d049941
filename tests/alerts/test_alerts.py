"""Alerts reach each safeguarding lead by email, once, without the text, through a real SMTP server."""
from datetime import datetime, timedelta

from sqlalchemy import func, select

from engage.models import AuditEvent, Role, SafeguardingAlert, SafeguardingFlag
from engage.services.safeguarding import alerts, outbox
from engage.services.safeguarding.links import link_for
from tests.alerts.flags import add_flag, send_now
from tests.conftest import csrf_token
from tests.respond.journey import begin
from tests.respond.test_safeguarding_journey import _first_text_page, _post_text
from tests.workspace.factories import make_user

DISCLOSURE = "my dad hits me with his belt when he is drunk"


def _leads(db, school=None):
    council = [make_user(db, Role.SAFEGUARDING_LEAD, f"lead{n}@council.example") for n in (1, 2)]
    make_user(db, Role.OFFICER, "officer@council.example")
    if school is not None:
        make_user(db, Role.SAFEGUARDING_LEAD, "dsl@school.example", schools=[school])
    return council


def test_a_disclosure_typed_in_the_survey_emails_each_lead_once_without_the_text(
        app, client, demo, db, smtp, runner):
    _leads(db)
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    flag = db.scalar(select(SafeguardingFlag))
    assert flag.severity == "immediate"
    smtp.start()
    first = runner.invoke(args=["alerts", "send"])
    assert first.exit_code == 0, first.output
    assert "Sent 2 alerts" in first.output
    assert sorted(to for to, _, _ in smtp.inbox.messages) == [["lead1@council.example"],
                                                               ["lead2@council.example"]]
    for _, raw, mail in smtp.inbox.messages:
        assert f"https://engage.council.example/workspace/safeguarding/{flag.id}" in mail.get_content()
        assert b"belt" not in raw and b"drunk" not in raw and b"hits" not in raw
        assert mail["From"] == "alerts@council.example"
    second = runner.invoke(args=["alerts", "send"])
    assert "Sent 0 alerts" in second.output and len(smtp.inbox.messages) == 2
    db.commit()  # end this session's read snapshot to see what the command wrote
    audited = db.scalar(select(func.count()).where(AuditEvent.action == "safeguarding.alert_sent"))
    assert audited == 2


def test_a_request_to_be_contacted_alerts_the_leads(app, client, demo, db, smtp, runner):
    _leads(db)
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, "i dont like going home when hes been drinking, he shouts at my mum")
    help_page = client.get("/help")
    client.post("/help", data={"csrf_token": csrf_token(help_page.text), "how_to_reach": "Sam, 9B"})
    reasons = db.scalars(select(SafeguardingAlert.reason)).all()
    assert reasons.count("contact") == 2
    smtp.start()
    runner.invoke(args=["alerts", "send"])
    contact = [m for _, raw, m in smtp.inbox.messages if "asked to be contacted" in m["Subject"]]
    assert len(contact) == 2 and all(b"9B" not in raw for _, raw, _ in smtp.inbox.messages)


def test_a_school_lead_hears_only_about_their_own_school(app, db, demo, smtp):
    from engage.models import School

    mine, other = db.scalars(select(School).order_by(School.id)).all()[:2]
    _leads(db, school=mine)
    here = add_flag(db, demo, school_id=mine.id)
    there = add_flag(db, demo, school_id=other.id)
    recipients = {flag.id: sorted(a.user.email for a in db.scalars(
        select(SafeguardingAlert).where(SafeguardingAlert.flag_id == flag.id))) for flag in (here, there)}
    assert "dsl@school.example" in recipients[here.id]
    assert "dsl@school.example" not in recipients[there.id] and len(recipients[there.id]) == 2


def test_the_server_down_then_back_sends_each_alert_once(app, db, demo, smtp):
    _leads(db)
    now = add_flag(db, demo).created_at
    down = send_now(app, db, now)
    assert (down.sent, down.failed) == (0, 1)  # one refused connection; the rest wait their turn
    failed = db.scalar(select(SafeguardingAlert).where(SafeguardingAlert.attempts == 1))
    assert failed.next_attempt_at == now + timedelta(minutes=1) and "Connection" in failed.last_error
    smtp.start()
    assert send_now(app, db, now).sent == 1  # the other alert; the failed one waits its back-off
    assert send_now(app, db, now + timedelta(minutes=1)).sent == 1
    assert send_now(app, db, now + timedelta(minutes=5)).sent == 0
    assert sorted(to[0] for to, _, _ in smtp.inbox.messages) == ["lead1@council.example",
                                                                 "lead2@council.example"]


def test_two_runs_at_once_never_send_the_same_alert(app, db, demo, smtp):
    _leads(db)
    now = add_flag(db, demo).created_at
    smtp.start()
    other_run = app.extensions["engage.sessionmaker"]()
    held = [outbox.claim(other_run, alert_id, now) for alert_id in outbox.due(other_run, now)]
    assert all(held)  # the other run holds every alert while it sends
    assert send_now(app, db, now).sent == 0 and smtp.inbox.messages == []
    later = now + timedelta(minutes=11)  # a claim lapses if its run died
    lapsed = outbox.due(db, later)
    assert len(lapsed) == 2 and outbox.claim(db, lapsed[0], later)
    other_run.close()


def test_a_flag_left_a_working_day_is_alerted_once(app, db, demo, smtp):
    _leads(db)
    friday = datetime(2026, 12, 4, 16, 0)
    add_flag(db, demo, severity="concern", created_at=friday)
    smtp.start()
    assert send_now(app, db, friday + timedelta(hours=20)).sent == 0
    assert send_now(app, db, datetime(2026, 12, 6, 17, 0)).sent == 0  # Sunday: not a working day
    assert send_now(app, db, datetime(2026, 12, 7, 16, 1)).sent == 2
    assert send_now(app, db, datetime(2026, 12, 8, 16, 1)).sent == 0
    assert all("working day" in m["Subject"] for _, _, m in smtp.inbox.messages)


def test_retries_back_off_to_an_hour():
    waits = [outbox.retry_after(n) for n in (1, 2, 3, 7, 20)]
    assert waits == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4),
                     timedelta(hours=1), timedelta(hours=1)]
    assert alerts.working_day_after(datetime(2026, 12, 4, 9)) == datetime(2026, 12, 7, 9)


def test_links_point_at_the_configured_address(app, db, demo, smtp):
    _leads(db)
    flag = add_flag(db, demo)
    alert = db.scalar(select(SafeguardingAlert))
    with app.app_context():
        assert link_for(alert) == f"https://engage.council.example/workspace/safeguarding/{flag.id}"


def test_smtp_settings_are_read_from_one_url():
    import pytest

    from engage.services.safeguarding.mail import SmtpSettingsError, parse_smtp_url

    plain = parse_smtp_url("smtp://alerts%40council.example:p%40ss@mail.example:587")
    assert (plain.host, plain.port, plain.tls_from_start) == ("mail.example", 587, False)
    assert (plain.username, plain.password) == ("alerts@council.example", "p@ss")
    assert parse_smtp_url("smtps://mail.example").port == 465
    assert parse_smtp_url("smtps://mail.example").tls_from_start
    for bad in ("", "http://mail.example", "smtp://mail.example:port"):
        with pytest.raises(SmtpSettingsError):
            parse_smtp_url(bad)


def test_a_password_is_never_sent_without_tls_to_another_machine():
    """A real server offering no STARTTLS, at an address the mail code treats as another machine."""
    import smtplib

    import pytest

    from engage.services.safeguarding import mail
    from tests.alerts.conftest import SmtpServer

    server = SmtpServer("127.0.0.2")
    server.start()
    try:
        url = f"smtp://user:secret@127.0.0.2:{server.port}"
        with pytest.raises(smtplib.SMTPException, match="STARTTLS"):
            mail.connect(mail.parse_smtp_url(url))
    finally:
        server.stop()


def test_without_a_server_setting_nothing_is_sent_and_the_command_says_why(app, runner):
    app.config["SMTP_URL"] = ""
    result = runner.invoke(args=["alerts", "send"])
    assert result.exit_code == 1 and "ENGAGE_SMTP_URL" in result.output


def test_the_queue_and_the_concern_show_when_each_lead_was_alerted(app, db, demo, smtp):
    from engage.models._time import utcnow
    from tests.workspace.factories import sign_in_as

    lead, _ = _leads(db)
    flag = add_flag(db, demo)
    staff = app.test_client()
    sign_in_as(staff, lead)
    assert "2 waiting to be emailed" in staff.get("/workspace/safeguarding/").text
    smtp.start()
    send_now(app, db, utcnow())
    queue = staff.get("/workspace/safeguarding/").text
    assert "2 of 2 emailed" in queue
    concern = staff.get(f"/workspace/safeguarding/{flag.id}").text
    assert "lead1@council.example: emailed" in concern and "lead2@council.example: emailed" in concern


def test_a_school_lead_sees_only_their_schools_flags(app, db, demo):
    from engage.models import School
    from tests.workspace.factories import sign_in_as

    mine, other = db.scalars(select(School).order_by(School.id)).all()[:2]
    dsl = make_user(db, Role.SAFEGUARDING_LEAD, "dsl@school.example", schools=[mine])
    here, there = add_flag(db, demo, school_id=mine.id), add_flag(db, demo, school_id=other.id)
    staff = app.test_client()
    sign_in_as(staff, dsl)
    queue = staff.get("/workspace/safeguarding/").text
    assert f"/workspace/safeguarding/{here.id}\"" in queue
    assert f"/workspace/safeguarding/{there.id}\"" not in queue
    assert staff.get(f"/workspace/safeguarding/{there.id}").status_code == 404
    assert staff.get(f"/workspace/safeguarding/{here.id}").status_code == 200


def test_a_safeguarding_lead_may_be_linked_to_schools_and_an_officer_may_not(db, demo):
    import pytest

    from engage.models import School
    from engage.services import accounts
    from engage.services.errors import DomainError

    school = db.scalars(select(School)).first()
    lead = accounts.create_user(db, "dsl@school.example", "safeguarding_lead",
                                "a long enough passphrase 42", [school.id])
    assert lead.school_ids == {school.id}
    with pytest.raises(DomainError, match="linked to schools"):
        accounts.create_user(db, "officer2@council.example", "officer",
                             "a long enough passphrase 42", [school.id])
