"""A dataset file's identity: a shapefile is all of its parts."""

from etl.load import parts, sha256


def test_a_shapefiles_hash_covers_its_sidecars(tmp_path):
    for suffix in (".shp", ".shx", ".dbf", ".cpg", ".prj", ".txt"):
        (tmp_path / f"roads{suffix}").write_bytes(b"x")
    shp = tmp_path / "roads.shp"
    assert [p.suffix for p in parts(shp)] == [".cpg", ".dbf", ".prj", ".shp", ".shx"]
    before = sha256(shp)
    (tmp_path / "roads.dbf").write_bytes(b"corrected")
    assert sha256(shp) != before
    (tmp_path / "roads.txt").write_bytes(b"unrelated")
    csv = tmp_path / "a.csv"
    csv.write_bytes(b"x")
    assert parts(csv) == [csv]
