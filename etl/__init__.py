"""ETL of XiaoAn: read the files counties hand over, validate them, load them into PostGIS."""
