"""The query loader: every .sql file under db/sql/<layer>/ is found by its name alone, names are unique."""

import pytest

from db import sql


def test_every_query_is_found_by_name_and_lives_in_a_layer_folder():
    files = sql.sql_files()
    assert len(files) >= 120
    assert all(path.parent != sql.SQL_DIR for path in files.values())  # nothing left at the top
    assert sql.load_sql("coverage") == (sql.SQL_DIR / "analytics" / "reports" / "coverage.sql").read_text()
    assert "etl/upsert" in files["upsert_school"].as_posix()


def test_an_unknown_name_says_where_it_looked():
    with pytest.raises(KeyError, match="no SQL file named 'nope' under"):
        sql.load_sql("nope")


def test_two_files_of_one_name_are_refused(tmp_path, monkeypatch):
    for layer in ("a", "b"):
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "same.sql").write_text("SELECT 1")
    monkeypatch.setattr(sql, "SQL_DIR", tmp_path)
    sql.sql_files.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="two SQL files named 'same'"):
            sql.sql_files()
    finally:
        monkeypatch.undo()
        sql.sql_files.cache_clear()
