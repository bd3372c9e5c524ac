"""sync: conflicts, known versions of sensitive rows, other desktops' audit events (additive only)

Revision ID: 0002_sync
Revises: 0001_initial
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa


revision = '0002_sync'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_version',
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('is_base', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'row_id', 'hlc', name=op.f('pk_sync_version'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=True),
    sa.Column('local_hlc', sa.String(length=64), nullable=False),
    sa.Column('local_payload', sa.Text(), nullable=False),
    sa.Column('remote_hlc', sa.String(length=64), nullable=False),
    sa.Column('remote_payload', sa.Text(), nullable=False),
    sa.Column('remote_origin', sa.String(length=64), nullable=False),
    sa.Column('detected_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('settled_by', sa.String(length=128), nullable=False),
    sa.Column('settled_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index(op.f('ix_sync_conflict_row_id'), 'sync_conflict', ['row_id'], unique=False)
    op.create_index(op.f('ix_sync_conflict_caller_id'), 'sync_conflict', ['caller_id'], unique=False)
    op.create_index(op.f('ix_sync_conflict_state'), 'sync_conflict', ['state'], unique=False)
    op.create_table('remote_audit_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remote_audit_event')),
    sa.UniqueConstraint('origin', 'seq', name=op.f('uq_remote_audit_event_origin'))
    )


def downgrade() -> None:
    op.drop_table('remote_audit_event')
    op.drop_index(op.f('ix_sync_conflict_state'), table_name='sync_conflict')
    op.drop_index(op.f('ix_sync_conflict_caller_id'), table_name='sync_conflict')
    op.drop_index(op.f('ix_sync_conflict_row_id'), table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('sync_version')
