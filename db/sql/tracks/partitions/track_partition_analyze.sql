-- Statistics of a month's new table, so that the planner sees the rows moved into it.
ANALYZE {table}
