"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

from cxassist.store import fts


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agent',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('display_name', sa.String(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('team', sa.String(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Uuid(), nullable=False),
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_event_seq'))
    )
    op.create_table('caller',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.String(), nullable=False),
    sa.Column('preferred_name', sa.String(), nullable=False),
    sa.Column('pronunciation', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=False),
    sa.Column('address_lines', sa.Text(), nullable=False),
    sa.Column('city', sa.String(), nullable=False),
    sa.Column('postcode', sa.String(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('preferred_channel', sa.String(length=16), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('customer_since', sa.String(length=10), nullable=True),
    sa.Column('external_id', sa.String(length=128), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('needs_attention', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caller')),
    sa.UniqueConstraint('external_id', name=op.f('uq_caller_external_id'))
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reject_reason', sa.String(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('prompt_pack',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('published_by', sa.String(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prompt_pack'))
    )
    op.create_table('saved_filter',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner', sa.String(length=128), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_filter'))
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('caller_phone',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('national', sa.String(length=20), nullable=False),
    sa.Column('tail', sa.String(length=7), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['caller_id'], ['caller.id'], name=op.f('fk_caller_phone_caller_id_caller'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caller_phone'))
    )
    with op.batch_alter_table('caller_phone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caller_phone_caller_id'), ['caller_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_caller_phone_e164'), ['e164'], unique=False)
        batch_op.create_index(batch_op.f('ix_caller_phone_national'), ['national'], unique=False)
        batch_op.create_index(batch_op.f('ix_caller_phone_tail'), ['tail'], unique=False)

    op.create_table('emergency_contact',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('relationship', sa.String(), nullable=False),
    sa.Column('phones', sa.Text(), nullable=False),
    sa.Column('may_contact_for', sa.Text(), nullable=False),
    sa.Column('consent_at', sa.String(length=32), nullable=True),
    sa.Column('consent_how', sa.String(), nullable=False),
    sa.Column('consent_by', sa.String(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['caller_id'], ['caller.id'], name=op.f('fk_emergency_contact_caller_id_caller'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_contact'))
    )
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_contact_caller_id'), ['caller_id'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('agent_id', sa.String(length=128), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('ended_at', sa.String(length=32), nullable=True),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('follow_up_due', sa.String(length=10), nullable=True),
    sa.Column('follow_up_owner', sa.String(), nullable=False),
    sa.Column('follow_up_kind', sa.String(length=24), nullable=False),
    sa.Column('follow_up_done_at', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('flag_emergency', sa.Boolean(), nullable=False),
    sa.Column('flag_vulnerable', sa.Boolean(), nullable=False),
    sa.Column('flag_conflict', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['caller_id'], ['caller.id'], name=op.f('fk_interaction_caller_id_caller'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction'))
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index('ix_interaction_caller_started', ['caller_id', 'started_at'], unique=False)
        batch_op.create_index('ix_interaction_duty_of_care', ['started_at'], unique=False, sqlite_where=sa.text('flag_emergency OR flag_vulnerable OR flag_conflict'))
        batch_op.create_index('ix_interaction_open_follow_up', ['caller_id', 'follow_up_due'], unique=False, sqlite_where=sa.text('follow_up_due IS NOT NULL AND follow_up_done_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_interaction_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_started_at'), ['started_at'], unique=False)

    op.create_table('vulnerability',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=False),
    sa.Column('driver', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('adjustments', sa.Text(), nullable=False),
    sa.Column('consent_at', sa.String(length=32), nullable=True),
    sa.Column('consent_how', sa.String(), nullable=False),
    sa.Column('consent_by', sa.String(), nullable=False),
    sa.Column('recorded_by', sa.String(), nullable=False),
    sa.Column('review_by', sa.String(length=10), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['caller_id'], ['caller.id'], name=op.f('fk_vulnerability_caller_id_caller'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vulnerability'))
    )
    with op.batch_alter_table('vulnerability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vulnerability_caller_id'), ['caller_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vulnerability_review_by'), ['review_by'], unique=False)

    op.create_table('draft',
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_draft_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', name=op.f('pk_draft'))
    )
    op.create_table('emergency_action',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('agent_id', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_emergency_action_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_action'))
    )
    with op.batch_alter_table('emergency_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_action_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_feedback_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('friction_point',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('rule', sa.String(), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_friction_point_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_friction_point'))
    )
    with op.batch_alter_table('friction_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_friction_point_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_friction_point_rule'), ['rule'], unique=False)

    op.create_table('prompt_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('rule_id', sa.String(length=128), nullable=False),
    sa.Column('pack_version', sa.String(length=64), nullable=False),
    sa.Column('event', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_prompt_event_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prompt_event'))
    )
    with op.batch_alter_table('prompt_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prompt_event_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_prompt_event_rule_id'), ['rule_id'], unique=False)

    op.create_table('prompt_suggestion',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agent_id', sa.String(length=128), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=True),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_prompt_suggestion_interaction_id_interaction'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prompt_suggestion'))
    )
    op.create_table('review',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('interaction_id', sa.Uuid(), nullable=False),
    sa.Column('reviewer_id', sa.String(length=128), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('kudos', sa.Text(), nullable=False),
    sa.Column('duty_of_care_outcome', sa.String(length=24), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_review_interaction_id_interaction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_interaction_id'), ['interaction_id'], unique=False)

    fts.install(op.get_bind())


def downgrade() -> None:
    for name in ('interaction_fts', 'caller_fts'):
        op.execute(f'DROP TABLE IF EXISTS {name}')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_interaction_id'))

    op.drop_table('review')
    op.drop_table('prompt_suggestion')
    with op.batch_alter_table('prompt_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prompt_event_rule_id'))
        batch_op.drop_index(batch_op.f('ix_prompt_event_interaction_id'))

    op.drop_table('prompt_event')
    with op.batch_alter_table('friction_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_friction_point_rule'))
        batch_op.drop_index(batch_op.f('ix_friction_point_interaction_id'))

    op.drop_table('friction_point')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_interaction_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('emergency_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_action_interaction_id'))

    op.drop_table('emergency_action')
    op.drop_table('draft')
    with op.batch_alter_table('vulnerability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vulnerability_review_by'))
        batch_op.drop_index(batch_op.f('ix_vulnerability_caller_id'))

    op.drop_table('vulnerability')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_started_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_phone'))
        batch_op.drop_index('ix_interaction_open_follow_up', sqlite_where=sa.text('follow_up_due IS NOT NULL AND follow_up_done_at IS NULL'))
        batch_op.drop_index('ix_interaction_duty_of_care', sqlite_where=sa.text('flag_emergency OR flag_vulnerable OR flag_conflict'))
        batch_op.drop_index('ix_interaction_caller_started')
        batch_op.drop_index(batch_op.f('ix_interaction_agent_id'))

    op.drop_table('interaction')
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_contact_caller_id'))

    op.drop_table('emergency_contact')
    with op.batch_alter_table('caller_phone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caller_phone_tail'))
        batch_op.drop_index(batch_op.f('ix_caller_phone_national'))
        batch_op.drop_index(batch_op.f('ix_caller_phone_e164'))
        batch_op.drop_index(batch_op.f('ix_caller_phone_caller_id'))

    op.drop_table('caller_phone')
    op.drop_table('sync_state')
    op.drop_table('saved_filter')
    op.drop_table('prompt_pack')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))

    op.drop_table('outbox')
    op.drop_table('meta')
    op.drop_table('caller')
    op.drop_table('audit_event')
    op.drop_table('agent')
