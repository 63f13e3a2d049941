"""Offline free-text analysis: tagging, sentiment, safeguarding screen, phrases, redaction.

Submodules are imported on demand (``from engage.analysis.safeguarding import screen``) so
importing this package stays cheap; nothing here imports Flask or the database.
"""
