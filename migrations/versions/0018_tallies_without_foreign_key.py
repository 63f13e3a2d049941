"""Drop the foreign key from summary_tallies to consultations: checking it for each of the 1.8
million rows a first fold of a million responses writes was about 30% of PostgreSQL's CPU writing
them. The tallies are written under a lock on their consultation's row, consultations are never
deleted, and erasing a consultation's responses deletes its tallies.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 01:15:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FOREIGN_KEY = 'fk_summary_tallies_consultation_id_consultations'


def upgrade() -> None:
    """Drop the key (on SQLite the table is copied without it: its rows are kept)."""
    with op.batch_alter_table('summary_tallies', schema=None) as batch_op:
        batch_op.drop_constraint(FOREIGN_KEY, type_='foreignkey')


def downgrade() -> None:
    """Add the key back; tally rows of a consultation that is gone are deleted first, as the key's
    cascade would have done."""
    op.execute("DELETE FROM summary_tallies WHERE consultation_id NOT IN (SELECT id FROM consultations)")
    with op.batch_alter_table('summary_tallies', schema=None) as batch_op:
        batch_op.create_foreign_key(FOREIGN_KEY, 'consultations', ['consultation_id'], ['id'], ondelete='CASCADE')
