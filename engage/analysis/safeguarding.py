"""The safeguarding screen's public face: screen(text) -> Screening.

The screen itself lives in analysis.screen (concept rules, spelling, a learned model); this
module keeps the names other code has always imported from here.
"""

from engage.analysis.screen import CATEGORIES, NONE, NOT_SCREENED, RANK, Screening, screen

__all__ = ["CATEGORIES", "NONE", "NOT_SCREENED", "RANK", "Screening", "screen"]
