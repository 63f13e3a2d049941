"""Recount the kept summary tallies: answer cells, sub-themes and comments are now also kept per day
and channel or language, and per channel and language together, so a date range with one of those
slices, or both slices, reads tallies instead of counting the filtered responses.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 18:45:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Forget the kept tallies; the next summary folds every response again, the new kinds included."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")


def downgrade() -> None:
    """Forget the kept tallies again: the older code keeps none of the new kinds (its unfold would leave
    them stale)."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")
