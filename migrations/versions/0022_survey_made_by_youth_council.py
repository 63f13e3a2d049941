"""Add survey_families.made_by_youth_council: which surveys the youth council may change.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 08:50:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: Union[str, Sequence[str], None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the column as false: every survey already here is the council's own."""
    with op.batch_alter_table('survey_families', schema=None) as batch_op:
        batch_op.add_column(sa.Column('made_by_youth_council', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    """Drop the column: no survey is marked as the youth council's."""
    with op.batch_alter_table('survey_families', schema=None) as batch_op:
        batch_op.drop_column('made_by_youth_council')
