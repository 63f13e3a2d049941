"""Drop two indexes on consultation_id alone that the (consultation_id, ...) indexes beside them cover:
responses (ix_responses_summary_batch) and summary_tallies (its unique key). Every write to those
rows kept both up to date, and a first fold writes a million of each.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 06:00:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Drop the covered indexes (a plain DROP INDEX on both engines: no table is copied)."""
    op.drop_index('ix_responses_consultation_id', table_name='responses')
    op.drop_index('ix_summary_tallies_consultation_id', table_name='summary_tallies')


def downgrade() -> None:
    """Build them again."""
    op.create_index('ix_summary_tallies_consultation_id', 'summary_tallies', ['consultation_id'], unique=False)
    op.create_index('ix_responses_consultation_id', 'responses', ['consultation_id'], unique=False)
