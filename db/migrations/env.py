"""Alembic environment using GeoAlchemy2's helpers, so spatial tables and indexes migrate cleanly."""

from __future__ import annotations

from alembic import context
from geoalchemy2 import alembic_helpers

from db.engine import make_engine
from db.models import Base
from db.schema_filter import include_object


def configure(connection) -> None:  # noqa: ANN001
    """Point the migration context at a connection with the project's metadata and helpers."""
    context.configure(connection=connection, target_metadata=Base.metadata,
                      include_object=include_object, process_revision_directives=alembic_helpers.writer,
                      render_item=alembic_helpers.render_item, compare_type=True)


def run_migrations_online() -> None:
    """Run migrations on the configured URL, or on a connection handed in by the caller."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
