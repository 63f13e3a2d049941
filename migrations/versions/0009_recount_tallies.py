"""Recount the kept summary tallies: the value counts gained a figure (positive answers).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:30:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Forget the kept tallies; the next summary folds every response again with the new figure."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")


def downgrade() -> None:
    """Forget the kept tallies again: the older code counts without the new figure."""
    op.execute("DELETE FROM summary_tallies")
    op.execute("UPDATE responses SET summary_batch = NULL")
