"""supervisor console: indexes for the query interface, derived tag and count tables kept by triggers (additive only)

Revision ID: 0003_supervisor
Revises: 0002_sync
Create Date: 2026-11-24

On a large database this takes a while (a few minutes at 10M interactions): each index is built and the derived
tables are filled from every interaction. A backup is taken before it runs, as for every migration.
"""

from alembic import op
import sqlalchemy as sa

from cxassist.store.query import derived


revision = '0003_supervisor'
down_revision = '0002_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('interaction_tag',
    sa.Column('tag', sa.String(), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('tag', 'started_at', 'interaction_id', name=op.f('pk_interaction_tag')),
    sqlite_with_rowid=False
    )
    op.create_table('interaction_hourly',
    sa.Column('hour', sa.String(length=13), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hour', 'channel', 'outcome', name=op.f('pk_interaction_hourly')),
    sqlite_with_rowid=False
    )
    op.create_table('interaction_agent_daily',
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('agent_id', sa.String(length=128), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'agent_id', 'channel', 'outcome', name=op.f('pk_interaction_agent_daily')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_interaction_agent_started', 'interaction', ['agent_id', 'started_at'], unique=False)
    op.create_index('ix_interaction_channel_started', 'interaction', ['channel', 'started_at'], unique=False)
    op.create_index('ix_interaction_outcome_started', 'interaction', ['outcome', 'started_at'], unique=False)
    op.create_index('ix_interaction_emergency_started', 'interaction', ['started_at'], unique=False,
                    sqlite_where=sa.text('flag_emergency = 1'))
    op.create_index('ix_interaction_vulnerable_started', 'interaction', ['started_at'], unique=False,
                    sqlite_where=sa.text('flag_vulnerable = 1'))
    op.create_index('ix_interaction_open_follow_up_started', 'interaction', ['started_at', 'follow_up_due'],
                    unique=False,
                    sqlite_where=sa.text('follow_up_due IS NOT NULL AND follow_up_done_at IS NULL'))
    op.create_index('ix_interaction_follow_up_due', 'interaction',
                    ['follow_up_due', 'follow_up_done_at', 'agent_id', 'channel'], unique=False,
                    sqlite_where=sa.text('follow_up_due IS NOT NULL'))
    op.create_index('ix_review_created_at', 'review', ['created_at'], unique=False)
    op.create_index('ix_friction_point_created_at', 'friction_point', ['created_at'], unique=False)
    op.create_index('ix_feedback_created_at', 'feedback', ['created_at'], unique=False)
    op.create_index('ix_prompt_event_at', 'prompt_event', ['at'], unique=False)
    bind = op.get_bind()
    derived.install(bind)
    derived.rebuild(bind)


def downgrade() -> None:
    for name in derived.TRIGGERS:
        op.execute(f'DROP TRIGGER IF EXISTS {name}')
    op.drop_index('ix_prompt_event_at', table_name='prompt_event')
    op.drop_index('ix_feedback_created_at', table_name='feedback')
    op.drop_index('ix_friction_point_created_at', table_name='friction_point')
    op.drop_index('ix_review_created_at', table_name='review')
    op.drop_index('ix_interaction_follow_up_due', table_name='interaction')
    op.drop_index('ix_interaction_open_follow_up_started', table_name='interaction')
    op.drop_index('ix_interaction_vulnerable_started', table_name='interaction')
    op.drop_index('ix_interaction_emergency_started', table_name='interaction')
    op.drop_index('ix_interaction_outcome_started', table_name='interaction')
    op.drop_index('ix_interaction_channel_started', table_name='interaction')
    op.drop_index('ix_interaction_agent_started', table_name='interaction')
    op.drop_table('interaction_agent_daily')
    op.drop_table('interaction_hourly')
    op.drop_table('interaction_tag')
