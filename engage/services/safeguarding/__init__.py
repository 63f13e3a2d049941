"""Safeguarding services that reach a lead: alerts written to an outbox, and sent by email."""
