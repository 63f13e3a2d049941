"""Recount the kept summary tallies: answer counts, sub-themes and comments are now also kept per
filter slice (channel, language, school, area, priority group), so filtered summaries read tallies.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 20:00:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Forget the kept tallies; the next summary folds every response again, slices included."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")


def downgrade() -> None:
    """Forget the kept tallies again: the older code keeps its own groups."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")
