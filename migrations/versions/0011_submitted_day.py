"""Keep each response's submission time as a day: truncate what was stored to the microsecond.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 15:40:00

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Set every submission time to midnight of its day (the time of day cannot be restored)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE responses SET submitted_at = date_trunc('day', submitted_at) "
                   "WHERE submitted_at IS NOT NULL")
    else:
        # SQLAlchemy stores SQLite datetimes as text 'YYYY-MM-DD HH:MM:SS.ffffff'.
        op.execute("UPDATE responses SET submitted_at = date(submitted_at) || ' 00:00:00.000000' "
                   "WHERE submitted_at IS NOT NULL")


def downgrade() -> None:
    """Nothing to undo: the times of day are gone."""
