"""The plan tab: make a plan (planners, leaders, administrators) or open a stored one; routes, gaps and cards."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt
from dashboard.exports import route_cards
from dashboard.frame import page, widgets
from dashboard.frame.page import Page
from dashboard.frame.widgets import Card
from dashboard.reads import geography
from dashboard.reads.core import DataUnavailable
from dashboard.views.plan import data as plan_data
from db.errors import PlanError, user_message
from patrol.inputs import Scope
from texts import label


def show(p: Page, scope: Scope) -> None:
    """The make button, the picker of the day's plans of the window, then the chosen plan."""
    tr, lang, user = p.tr, p.lang, p.user
    if user.role in plan_data.MAKERS and st.button(tr("plan.run"), type="primary", key="plan_run"):
        try:
            with st.spinner(tr("plan.run")):
                st.session_state["plan_id"] = plan_data.make(scope, user.name)
            st.success(tr("plan.made_now").format(plan_id=st.session_state["plan_id"]))
        except PlanError as exc:
            st.error(user_message(exc, lang))
        except DataUnavailable as exc:
            page.unavailable(tr, exc)
    elif user.role not in plan_data.MAKERS:
        p.note(tr("plan.may_not"))

    made = page.load(tr, plan_data.stored, scope.on, scope.counties)
    made = [h for h in made if h.window_name == scope.window]
    if not made:
        st.info(tr("plan.none"))
        return
    by_id = {h.plan_id: h for h in made}
    ids = list(by_id)
    current = st.session_state.get("plan_id")
    plan_id = st.selectbox(tr("plan.open"), ids, index=ids.index(current) if current in ids else 0, key="plan_pick",
                           format_func=lambda i: tr("plan.made").format(
                               plan_id=i, who=by_id[i].made_by, when=by_id[i].made_at.strftime("%m-%d %H:%M")))
    shown = page.load(tr, plan_data.shown, plan_id, lang, p.map_size, geography.style_url())
    if shown is None:
        st.info(tr("plan.none"))
        return
    h = shown.plan.header
    posts = int(h.inputs.get("posts_manned", 0))
    st.subheader(tr("plan.headline").format(window=label("window", h.window_name, lang), schools=h.schools,
                                            covered=h.covered, posts=posts, driven=h.covered - posts))
    p.cards([Card(tr("plan.col.vehicle"), fmt.num(len(shown.plan.routes))),
             Card(tr("plan.uncovered"), fmt.num(len(shown.plan.uncovered)), rise_is_bad=True),
             Card(tr("plan.col.priority"), fmt.pct(h.prize_covered / h.prize_total if h.prize_total else None))])
    map_col, legend_col = p.map_columns()
    with map_col:
        st.pydeck_chart(shown.map.deck, height=p.map_size[1], key="plan_map")
    with legend_col:
        widgets.legend_box(shown.legend, lang, tr("plan.legend"), tr("legend.title"))
    p.note(route_cards.brief_line(shown.plan, lang))
    st.subheader(tr("plan.routes"))
    widgets.table(route_cards.stop_table(shown.plan).rename(columns=tr))
    st.subheader(tr("plan.uncovered"))
    widgets.table(route_cards.uncovered_table(shown.plan, lang).rename(columns=tr))
    with st.expander(tr("plan.priority")):
        p.note(tr("plan.priority_help"))
        widgets.table(route_cards.priority_table(shown.plan).rename(columns=tr))
    left, right = st.columns(2)
    left.download_button(tr("plan.download_xlsx"), shown.xlsx, f"plan-{h.plan_id}.xlsx", key="plan_xlsx")
    right.download_button(tr("plan.download_docx"), shown.docx, f"plan-{h.plan_id}.docx", key="plan_docx")
