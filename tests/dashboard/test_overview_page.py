"""The overview page run by AppTest against a real PostGIS with fixture data."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

OVERVIEW = Path(__file__).resolve().parents[2] / "dashboard" / "views" / "overview.py"


def run_page(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(OVERVIEW), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_smoke(map_db):
    at = run_page()
    print(at.exception)
    print([e.value for e in at.error])
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    print({k: v for k, v in spec.items() if k != "layers"})
    print([ (l["@@type"], l["id"]) for l in spec["layers"]])
    print(at.metric)
    import runpy; runpy.run_path("/tmp/probe.py")
