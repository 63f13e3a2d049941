"""Recount the kept summary tallies: every kind is now also kept per day a response was sent, so a
summary over a date range reads tallies instead of counting every answer.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 08:30:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Forget the kept tallies; the next summary folds every response again, days included."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")


def downgrade() -> None:
    """Forget the kept tallies again: the older code keeps no days (its unfold would leave them stale)."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")
