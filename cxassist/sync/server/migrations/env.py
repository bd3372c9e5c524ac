"""Alembic environment for the central store: always run from `init_server` on its own connection."""

from alembic import context

connection = context.config.attributes["connection"]
connection.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS cxassist")
context.configure(
    connection=connection,
    target_metadata=None,
    version_table="alembic_version",
    version_table_schema="cxassist",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
