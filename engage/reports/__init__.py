"""Exports and reports: pure functions from plain rows and summaries to bytes (or byte chunks)."""
