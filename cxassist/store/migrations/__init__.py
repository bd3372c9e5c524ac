"""Alembic migrations of the local database. `HEAD` must name the newest revision (a test checks it), so a start-up
on an up-to-date database need not load Alembic at all."""

HEAD = "0004_phone_removed"
