"""Alembic environment: runs on the connection the app hands over (see store/migrate.py)."""

from __future__ import annotations

from alembic import context

from assessment.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: build an engine from the app's settings
    from sqlalchemy import create_engine

    from assessment.store.db import database_url

    with create_engine(database_url()).connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        conn.commit()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
