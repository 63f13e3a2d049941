"""Evaluations of the text analysis, one module per subject; run them all with
``python -m engage.analysis.evaluate``."""
