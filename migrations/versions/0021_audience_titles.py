"""Add consultations.audience_titles: the title young people, parents and carers, or professionals
see once they have said who they are, where it differs from the title everyone sees first.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 07:45:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: Union[str, Sequence[str], None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the column, empty: every audience sees the consultation's title, as before."""
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audience_titles', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Drop the column: everyone sees the consultation's title again."""
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_column('audience_titles')
