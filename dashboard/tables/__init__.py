"""Table and chart builders (pure): the shown tables and the charts."""
