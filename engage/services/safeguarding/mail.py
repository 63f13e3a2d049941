"""Email for safeguarding alerts: the SMTP settings, the connection and the message.

`ENGAGE_SMTP_URL` says where to send: `smtp://user:password@host:587` upgrades the connection
with STARTTLS whenever the server offers it, `smtps://...:465` uses TLS from the start. A
password is never sent over a connection without TLS, except to this machine (127.0.0.1).
The message names the consultation and links to the flag; it never holds what was written.
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from engage.models import SafeguardingAlert

TIMEOUT = 20  # seconds for any one SMTP step
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SUBJECTS = {
    "immediate": "Safeguarding: a possible disclosure marked immediate is waiting",
    "overdue": "Safeguarding: a possible disclosure has waited a working day",
    "contact": "Safeguarding: a respondent asked to be contacted",
}
OPENINGS = {
    "immediate": "The safeguarding screen marked a free-text answer as immediate: it may mean "
                 "a child is at risk now.",
    "overdue": "A possible disclosure has waited a working day and nobody has recorded an action.",
    "contact": "A respondent asked to be contacted after they were shown where to get help.",
}


class SmtpSettingsError(ValueError):
    """ENGAGE_SMTP_URL cannot be used as it is."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send."""

    host: str
    port: int
    tls_from_start: bool
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SmtpSettings:
    """Read smtp://user:pass@host:port or smtps://...; raise SmtpSettingsError if unusable."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise SmtpSettingsError("ENGAGE_SMTP_URL must look like smtp://user:password@host:587 "
                                "or smtps://user:password@host:465.")
    secure = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if secure else 587)
    except ValueError as exc:
        raise SmtpSettingsError("The port in ENGAGE_SMTP_URL is not a number.") from exc
    return SmtpSettings(parts.hostname, port, secure, unquote(parts.username or "") or None,
                        unquote(parts.password or "") or None)


def connect(settings: SmtpSettings) -> smtplib.SMTP:
    """Open a connection, with TLS when the server offers it, and sign in if a user is given."""
    context = ssl.create_default_context()
    if settings.tls_from_start:
        connection = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=context)
    else:
        connection = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        connection.ehlo()
        if connection.has_extn("starttls"):
            connection.starttls(context=context)
            connection.ehlo()
        elif settings.username and settings.host not in LOOPBACK:
            connection.close()
            raise smtplib.SMTPException("the server offers no STARTTLS; not sending a password in clear")
    if settings.username:
        connection.login(settings.username, settings.password or "")
    return connection


def message(alert: SafeguardingAlert, sender: str, link: str) -> EmailMessage:
    """Build the email for one alert: what happened, where, and a link; never the text."""
    mail = EmailMessage()
    mail["From"], mail["To"] = sender, alert.user.email
    mail["Subject"] = SUBJECTS[alert.reason]
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    flag = alert.flag
    where = f"Consultation: {flag.consultation.title}\nRaised: {flag.created_at:%-d %b %Y %H:%M} UTC\n" \
        if flag else ""
    mail.set_content(
        f"{OPENINGS[alert.reason]}\n\n{where}Open it in engage (you will be asked to sign in):\n"
        f"{link}\n\nThis email does not contain what was written or how to reach the person who "
        f"wrote it. Read and record what you do in engage.\n")
    return mail
