"""One reader per file format; each returns rows and knows nothing of the database."""

from etl.readers.geojson import read_geojson
from etl.readers.tabular import Table, read_table

__all__ = ["Table", "read_geojson", "read_table"]
