"""A real SMTP server (aiosmtpd) on 127.0.0.1 that the alert tests start and stop."""
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """Collects every message the server accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content,
                              message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


class SmtpServer:
    """An SMTP server on a fixed free port that can be stopped and started again."""

    def __init__(self, host: str = "127.0.0.1"):
        with socket.socket() as probe:
            probe.bind((host, 0))
            self.port = probe.getsockname()[1]
        self.host, self.inbox, self.controller = host, Inbox(), None

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname=self.host, port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(app):
    """A stopped SMTP server; the app's ENGAGE_SMTP_URL points at it. Call start() to serve."""
    server = SmtpServer()
    app.config.update(SMTP_URL=server.url, ALERTS_FROM="alerts@council.example",
                      BASE_URL="https://engage.council.example")
    yield server
    server.stop()
