"""Add users.password_link_nonce: the newest set-password link carries it, so making a new link
cancels every older one for the account.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 04:50:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the column, empty: links made before it keep working until a new one is made."""
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_link_nonce', sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Drop the column (older links then work again until used or 7 days old)."""
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('password_link_nonce')
