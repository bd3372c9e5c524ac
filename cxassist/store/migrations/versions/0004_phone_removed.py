"""caller numbers: a removed number is kept with `deleted_at` set, so the removal syncs (additive only)

Revision ID: 0004_phone_removed
Revises: 0003_supervisor
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_phone_removed'
down_revision = '0003_supervisor'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('caller_phone', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM caller_phone WHERE deleted_at IS NOT NULL")
    with op.batch_alter_table('caller_phone', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
