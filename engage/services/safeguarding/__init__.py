"""Safeguarding services that reach a lead: the triage queue and the actions a lead records, and
alerts written to an outbox and sent by email."""
