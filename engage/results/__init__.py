"""Counting and reading results: queries, tallies and folding, suppression, the summary, export rows, the report model.

Layers, lowest first (a module imports only from its own layer and those below it):
definitions -> models -> analysis (pure text) / reports (pure bytes) -> results -> services -> blueprints and commands.
"""
