"""Binary COPY into several tables over one connection: one COPY runs at a time, the rows of the others wait.

While a COPY runs the server stores rows as fast as they come, so the next batch is read and checked in
the meantime. Rows for another table are held back until enough have gathered to be worth a switch.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from db.sql import quote_ident
from etl.tracks.binary import HEADER, TRAILER

HELD_BACK = 16 << 20  # bytes of rows waiting for other tables before the biggest share gets its turn


def copy_sql(table: str, columns: list[str]) -> str:
    """The COPY statement of a table's binary rows."""
    return f"COPY {quote_ident(table)} ({', '.join(quote_ident(c) for c in columns)}) FROM STDIN (FORMAT BINARY)"


class Sink:
    """COPY payloads into tables, switching between them as little as possible."""

    def __init__(self, conn: sa.Connection) -> None:
        """Use the psycopg connection under a SQLAlchemy connection."""
        self.cursor = conn.connection.driver_connection.cursor()
        self.current: tuple[str, Any, Any] | None = None  # statement, context manager, copy
        self.waiting: dict[str, list[bytes]] = defaultdict(list)
        self.held = 0

    def write(self, statement: str, payload: bytes) -> None:
        """Send rows to the table of a COPY statement now, or keep them until its turn."""
        if not payload:
            return
        if self.current is None:
            self._start(statement)
        if self.current[0] == statement:
            self.current[2].write(payload)
            return
        self.waiting[statement].append(payload)
        self.held += len(payload)
        if self.held > HELD_BACK:
            self._switch(max(self.waiting, key=lambda s: sum(map(len, self.waiting[s]))))

    def pause(self) -> None:
        """End the running COPY (the connection can take other statements until the next write)."""
        if self.current is not None:
            statement, manager, copy = self.current
            self.current = None
            copy.write(TRAILER)
            manager.__exit__(None, None, None)

    def abort(self, exc: BaseException) -> None:
        """Cancel the running COPY after an error (the caller rolls the transaction back)."""
        if self.current is not None:
            manager, self.current = self.current[1], None
            with contextlib.suppress(Exception):  # the server's complaint about the cancelled COPY
                manager.__exit__(type(exc), exc, exc.__traceback__)

    def close(self) -> None:
        """Send every row still waiting and end the last COPY."""
        while self.waiting:
            self._switch(next(iter(self.waiting)))
        self.pause()

    def _start(self, statement: str) -> None:
        """Begin a COPY."""
        manager = self.cursor.copy(statement)
        copy = manager.__enter__()
        copy.write(HEADER)
        self.current = (statement, manager, copy)

    def _switch(self, statement: str) -> None:
        """Make another table's COPY the running one and send what waited for it."""
        self.pause()
        self._start(statement)
        for payload in self.waiting.pop(statement, []):
            self.held -= len(payload)
            self.current[2].write(payload)
