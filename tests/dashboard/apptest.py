"""Helpers to run one page file with AppTest and read what it shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from dashboard.maps.marks import MARK_IDS
from dashboard.reads.core import TOKEN_KEY
from db.engine import database_url, make_engine
from tests.users import token

VIEWS = Path(__file__).resolve().parents[2] / "dashboard" / "views"
MAX_PAYLOAD = 5 * 1024 * 1024


def signed_in(user: str) -> str:
    """A token of a test user (tests.users) on the database the settings point at."""
    engine = make_engine(database_url())
    try:
        return token(engine, user)
    finally:
        engine.dispose()


def run_page(name: str, user: str | None = "leader", raw_token: str | None = None, **params: str | list[str]
             ) -> AppTest:
    """Run dashboard/views/<name>/view.py once, signed in as user (None: not signed in) or holding raw_token."""
    at = AppTest.from_file(str(VIEWS / name / "view.py"), default_timeout=60)
    if user or raw_token:
        at.session_state[TOKEN_KEY] = raw_token or signed_in(str(user))
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def decks(at: AppTest) -> list[dict[str, Any]]:
    """Every deck the page sends to the browser, each checked to be under the payload limit."""
    raw = [chart.proto.json for chart in at.get("deck_gl_json_chart")]
    assert all(len(r.encode()) < MAX_PAYLOAD for r in raw)
    return [json.loads(r) for r in raw]


def deck(at: AppTest) -> dict[str, Any]:
    """The one deck of the page."""
    found = decks(at)
    assert len(found) == 1
    return found[0]


def data_layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The deck's layers without the scale bar and north arrow drawn over them."""
    return [item for item in spec["layers"] if item["id"] not in MARK_IDS]


def layer(spec: dict[str, Any], layer_id: str) -> dict[str, Any]:
    """One layer of a deck by id."""
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def metric(at: AppTest, label: str) -> str:
    """The value of the headline figure with this label."""
    return next(m.value for m in at.metric if m.label == label)


def delta(at: AppTest, label: str) -> str:
    """The change shown under the headline figure with this label."""
    return next(m.delta for m in at.metric if m.label == label)


def table(at: AppTest, index: int = 0) -> Any:
    """The index-th dataframe shown, as a pandas DataFrame."""
    return at.dataframe[index].value


def clean(at: AppTest) -> None:
    """No exception and no error on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def chart_data(at: AppTest, index: int = 0) -> Any:
    """The data of the index-th Altair (Vega-Lite) chart, as a pandas DataFrame."""
    from streamlit import dataframe_util

    proto = at.get("vega_lite_chart")[index].proto
    return dataframe_util.convert_arrow_bytes_to_pandas_df(proto.datasets[0].data.data)
