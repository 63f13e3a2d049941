"""The staff workspace's rules: consultations and their lifecycle, schools and class codes,
participation, and survey drafts."""
