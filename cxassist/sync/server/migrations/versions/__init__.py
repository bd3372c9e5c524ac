"""Central schema revisions (this file makes the folder a package, so it ships; Alembic skips it)."""
