"""Safeguarding alerts: an outbox of emails to safeguarding leads.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 15:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('safeguarding_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('reason_key', sa.String(length=60), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claim', sa.String(length=40), nullable=True),
    sa.Column('claimed_until', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['flag_id'], ['safeguarding_flags.id'], name=op.f('fk_safeguarding_alerts_flag_id_safeguarding_flags')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_safeguarding_alerts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_alerts')),
    sa.UniqueConstraint('reason_key', 'user_id', name=op.f('uq_safeguarding_alerts_reason_key_user_id'))
    )
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_flag_id'), ['flag_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_sent_at'), ['sent_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('safeguarding_alerts')
