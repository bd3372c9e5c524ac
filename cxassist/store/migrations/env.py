"""Alembic environment: always run from code on a connection the app opened (see store/migrate.py)."""

from alembic import context

from cxassist.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
