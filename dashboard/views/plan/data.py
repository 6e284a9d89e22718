"""The plan tab's data: stored plans of a day, one plan with its map and route cards, making a plan as the user."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from dashboard.exports import route_cards
from dashboard.maps import layers
from dashboard.maps import plans as plan_map
from dashboard.maps.legend import Entry
from dashboard.reads import core, geography
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from db import plans
from db.settings import get_settings
from patrol.inputs import Scope
from patrol.plan import make_plan

MAKERS = ("planner", "leader", "admin")


@dataclass(frozen=True)
class Shown:
    """A stored plan as the page shows it: the header, its map and legend, tables, route cards."""

    plan: plans.StoredPlan
    map: layers.BuiltMap
    legend: tuple[Entry, ...]
    xlsx: bytes
    docx: bytes


def stored(on: dt.date, counties: tuple[str, ...] | None) -> list[plans.PlanHeader]:
    """The plans of a day the user may see, newest first (cached per user)."""
    return core.run(_stored, on, counties)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _stored(reader: core.Reader, on: dt.date, counties: tuple[str, ...] | None) -> list[plans.PlanHeader]:
    """stored() of the reader's user."""
    with core.connect(reader) as conn:
        return plans.plans(conn, on, counties)


def shown(plan_id: int, lang: str, size: tuple[int, int], style_url: str | None) -> Shown | None:
    """One plan with its map and route cards (cached per user); None when not there or not visible."""
    return core.run(_shown, plan_id, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _shown(reader: core.Reader, plan_id: int, lang: str, size: tuple[int, int], style_url: str | None
           ) -> Shown | None:
    """shown() of the reader's user."""
    with core.connect(reader) as conn:
        plan = plans.read_plan(conn, plan_id)
    if plan is None:
        return None
    with core.reading_as(reader):
        selected = [plan.header.county_adcode] if plan.header.county_adcode else []
        base = geography.basemap(core.counties(), selected)
    deck = layers.map_deck(base, plan_map.plan_layers(plan.routes, plan.stops, plan.uncovered, lang), selected,
                           lang, style_url, size=size)
    xlsx, docx = io.BytesIO(), io.BytesIO()
    route_cards.write_xlsx(plan, xlsx, lang)
    route_cards.write_docx(plan, docx, lang)
    return Shown(plan, layers.BuiltMap(deck.to_json()),
                 tuple(plan_map.plan_legend(plan.routes, plan.stops, plan.uncovered, lang)),
                 xlsx.getvalue(), docx.getvalue())


def make(scope: Scope, made_by: str) -> int:
    """Make and store a plan through the user's own connection (row-level security decides what it may write)."""
    try:
        with core.connect(core.reader()) as conn:
            plan_id = make_plan(conn, scope, made_by, get_settings()).plan_id
    except (sa.exc.SQLAlchemyError, OSError) as exc:  # a PlanError goes on: the page says what is missing
        raise core.DataUnavailable(core.failure(exc)) from exc
    clear_stored()
    return plan_id


def clear_stored() -> None:
    """Forget the cached lists of stored plans (a plan or a rota was just made)."""
    _stored.clear()
