"""Free text can wait for its value tags: answers.needs_tagging marks English comments saved and
screened while the respondent waited, whose tags and sentiment are added later in batches.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 23:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the marker (every answer stored so far was tagged when saved) and its partial index."""
    # A plain ADD COLUMN, not batch mode: SQLite adds a column in place only when its default is a
    # literal, and batch mode copies the whole table for anything else (about 9 minutes and 2 GB
    # more for a million responses' answers). The string '0' is false on SQLite and PostgreSQL.
    op.add_column('answers', sa.Column('needs_tagging', sa.Boolean(), server_default='0', nullable=False))
    op.create_index('ix_answers_untagged', 'answers', ['id'], unique=False,
                    sqlite_where=sa.text('needs_tagging = 1'), postgresql_where=sa.text('needs_tagging'))


def downgrade() -> None:
    """Drop the marker; run `flask comments tag` first, or waiting comments stay untagged."""
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index('ix_answers_untagged')
        batch_op.drop_column('needs_tagging')
