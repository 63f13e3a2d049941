"""Responses waiting to be counted into the summary are rows of summary_queue, not responses whose
summary_batch is empty: a fold claimed a million responses by updating each one, which wrote a new
version of every response row and of each of its indexes (about 10 s of PostgreSQL's CPU before
anything was counted); it now deletes their narrow queue rows (about 0.5 s). The responses keep an
index on consultation_id alone, which ix_responses_summary_batch stood for.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 04:45:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0020'
down_revision: Union[str, Sequence[str], None] = '0019'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written on every downgraded response that was counted: the code before reads any value as counted.
COUNTED = 'counted-before-0020'


def upgrade() -> None:
    """Queue every submitted response not yet counted, then drop the mark (in place: on SQLite a copy of
    the responses table would take minutes at a million and rebuild what refers to it)."""
    op.create_table(
        'summary_queue',
        sa.Column('response_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'],
                                name=op.f('fk_summary_queue_response_id_responses'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('response_id', name=op.f('pk_summary_queue')),
    )
    op.execute("INSERT INTO summary_queue (response_id, consultation_id) SELECT id, consultation_id "
               "FROM responses WHERE status = 'submitted' AND summary_batch IS NULL")
    op.create_index(op.f('ix_responses_consultation_id'), 'responses', ['consultation_id'], unique=False)
    op.drop_index('ix_responses_summary_batch', table_name='responses')
    op.execute("ALTER TABLE responses DROP COLUMN summary_batch")


def downgrade() -> None:
    """Mark every counted response as counted again; the queued ones are left unmarked, to be folded."""
    op.add_column('responses', sa.Column('summary_batch', sa.String(length=32), nullable=True))
    op.execute(f"UPDATE responses SET summary_batch = '{COUNTED}' WHERE status = 'submitted' "
               "AND id NOT IN (SELECT response_id FROM summary_queue)")
    op.create_index('ix_responses_summary_batch', 'responses', ['consultation_id', 'summary_batch'], unique=False)
    op.drop_index(op.f('ix_responses_consultation_id'), table_name='responses')
    op.drop_table('summary_queue')
