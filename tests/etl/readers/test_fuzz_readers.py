"""Fuzzing the table and vector readers: mutated real fixtures and random bytes give rows or a domain error.

Every example runs under an alarm (a hang fails the test) and the module checks that the process did not
grow by more than MEMORY_LIMIT. XIAOAN_FUZZ_EXAMPLES sets examples per test (default kept small for CI);
`pytest --hypothesis-show-statistics` prints how many inputs each test fed.
"""

import io
import os
import resource
import signal
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry.base import BaseGeometry

from db.errors import XiaoAnError
from etl.readers.geojson import read_geojson
from etl.readers.tabular import read_table
from etl.readers.vector import read_vector
from tests.conftest import FIXTURES

FIELD = FIXTURES / "field"
EXAMPLES = int(os.environ.get("XIAOAN_FUZZ_EXAMPLES", "400"))
FUZZ = settings(max_examples=EXAMPLES, deadline=10_000, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HANG_S = 30  # far beyond any example's need: only a real hang reaches it
MEMORY_LIMIT_KB = 1 << 20  # 1 GiB of peak RSS growth over a module
TOKENS = [b'"', b",", b"\n", b"\r", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b"&", b"{", b"[", b"]]>",
          b"NaN", b"1e999", b"-", b"9" * 40, "云".encode("gb18030"), "𠮷".encode(), b"\x81\x30", b"\xc0",
          b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff", b"\x00\x00\x00\x80"]
CSV_SEEDS = sorted([*FIELD.glob("*.csv"), FIXTURES / "schools_mixed_gb18030.csv"])


class Hang(Exception):
    """An example ran past HANG_S."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"no answer after {HANG_S} s")


def outcome(read: Callable[[], object]) -> str:
    """'parsed' or 'rejected' (a domain error); anything else escapes and fails the example."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_S)
    try:
        read()
        return "parsed"
    except XiaoAnError:
        return "rejected"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """One seed with 1–8 byte edits: overwrite, insert (bytes or a token), delete, truncate, repeat a chunk."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        op, at = draw(st.sampled_from("oidtr")), draw(st.integers(0, len(data)))
        if op == "o" and data:
            token = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=4))
            data[min(at, len(data) - 1):min(at, len(data) - 1) + len(token)] = token
        elif op == "i":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=32))
        elif op == "d":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "t":
            del data[at:]
        elif op == "r":
            data[at:at] = data[at:at + draw(st.integers(1, 256))] * draw(st.integers(1, 8))
    return bytes(data)


@pytest.fixture(scope="module", autouse=True)
def memory_stays_bounded():
    """No example may blow the process up: peak RSS grows by less than MEMORY_LIMIT_KB over the module."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < MEMORY_LIMIT_KB


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def check_table(path) -> None:
    table = read_table(path)
    assert all(isinstance(h, str) for h in table.header)
    assert all(len(r) == len(table.header) and all(isinstance(c, str) for c in r) for r in table.rows)


def check_features(features) -> None:
    assert all(f.geometry is None or isinstance(f.geometry, BaseGeometry) for f in features)
    assert all(isinstance(f.properties, dict) for f in features)


@FUZZ
@given(data=mutated([p.read_bytes() for p in CSV_SEEDS]) | st.binary(max_size=2048))
def test_csv_reader(folder, data):
    path = folder / "t.csv"
    path.write_bytes(data)
    assert outcome(lambda: check_table(path)) in {"parsed", "rejected"}


def rezip(seed: bytes, member: str, content: bytes) -> bytes:
    """The workbook with one member's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info))
    return out.getvalue()


XLSX = (FIELD / "hazards.xlsx").read_bytes()
with zipfile.ZipFile(io.BytesIO(XLSX)) as _book:
    XLSX_MEMBERS = {i.filename: _book.read(i) for i in _book.infolist()}


@FUZZ
@given(data=st.sampled_from(sorted(XLSX_MEMBERS)).flatmap(
    lambda m: mutated([XLSX_MEMBERS[m]]).map(lambda b: rezip(XLSX, m, b))) | mutated([XLSX]))
def test_xlsx_reader(folder, data):
    path = folder / "t.xlsx"
    path.write_bytes(data)
    assert outcome(lambda: check_table(path)) in {"parsed", "rejected"}


GEOJSON_SEEDS = [(FIELD / n).read_bytes() for n in ("roads.geojson", "road_works.geojson")]


@FUZZ
@given(data=mutated(GEOJSON_SEEDS) | st.binary(max_size=1024))
def test_geojson_readers(folder, data):
    path = folder / "t.geojson"
    path.write_bytes(data)
    assert outcome(lambda: check_features(read_geojson(path))) in {"parsed", "rejected"}
    assert outcome(lambda: check_features(read_vector(path).features)) in {"parsed", "rejected"}


SHAPEFILES = {stem: {p.suffix: p.read_bytes() for p in FIELD.glob(f"{stem}.*")} for stem in ("roads_utf8", "roads_gbk")}


@FUZZ
@given(stem=st.sampled_from(sorted(SHAPEFILES)), part=st.sampled_from([".shp", ".shx", ".dbf", ".prj", ".cpg"]),
       data=st.data())
def test_shapefile_reader(folder, stem, part, data):
    parts = dict(SHAPEFILES[stem])
    parts[part] = data.draw(mutated([parts.get(part, b"UTF-8")]) | st.binary(max_size=512), label=part)
    for old in folder.glob("s.*"):
        old.unlink()
    for suffix, content in parts.items():
        (folder / f"s{suffix}").write_bytes(content)
    assert outcome(lambda: check_features(read_vector(folder / "s.shp").features)) in {"parsed", "rejected"}
