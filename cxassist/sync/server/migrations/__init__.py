"""Alembic history of the central PostgreSQL schema (separate from the desktop's SQLite history)."""
