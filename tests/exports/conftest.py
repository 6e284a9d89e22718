"""Fixtures of the export tests: the hand-made prefecture of tests/exports/fixture.py in a fresh database."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from tests.exports import fixture

# An 11-digit mainland mobile, also written with +86, spaces or hyphens: none may survive in an export.
UNMASKED = re.compile(r"(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")


@pytest.fixture
def brief_db(engine: sa.Engine) -> sa.Engine:
    """The fresh database holding the fixture prefecture."""
    fixture.fill(engine)
    return engine


@pytest.fixture
def conn(brief_db: sa.Engine) -> Iterator[sa.Connection]:
    """A connection to the fixture prefecture."""
    with brief_db.connect() as connection:
        yield connection


@pytest.fixture
def cli_db(use_db: str, brief_db: sa.Engine) -> str:
    """The fixture prefecture as the database XiaoAn's settings (and so the CLI) use."""
    return use_db
