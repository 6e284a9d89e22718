"""Charts (pure Altair specs, rendered offline by Streamlit's bundled Vega): presence calendar, trends."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.i18n import t

FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif"
CELL_PX = 20


def _styled(chart: alt.Chart) -> alt.Chart:
    """The CJK font on every text of a chart."""
    return chart.configure(font=FONT).configure_axis(labelFont=FONT, titleFont=FONT).configure_legend(
        labelFont=FONT, titleFont=FONT)


def presence_calendar(cells: pd.DataFrame, lang: str) -> alt.Chart:
    """School × school day, coloured by the share of peak windows with presence (red none, green all)."""
    order = list(dict.fromkeys(cells["label"]))
    chart = alt.Chart(cells[["label", "date", "windows", "present", "rate"]]).mark_rect(stroke="white").encode(
        x=alt.X("date:O", title=t("chart.day", lang), axis=alt.Axis(labelAngle=-60)),
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("rate:Q", title=t("chart.rate", lang),
                        scale=alt.Scale(domain=[0, 0.5, 1], range=["#c81e2d", "#f2c200", "#28a05a"]),
                        legend=alt.Legend(format=".0%")),
        tooltip=[alt.Tooltip("label:N", title=t("col.school", lang)), alt.Tooltip("date:O", title=t("chart.day", lang)),
                 alt.Tooltip("present:Q", title=t("chart.present", lang)),
                 alt.Tooltip("windows:Q", title=t("chart.windows", lang))],
    ).properties(height=alt.Step(CELL_PX))
    return _styled(chart)


def monthly_trend(frame: pd.DataFrame, measure: str, lang: str) -> alt.Chart:
    """One line per county over the months (frame: month, county, and the measure's column)."""
    chart = alt.Chart(frame[["month", "county", measure]]).mark_line(point=True).encode(
        x=alt.X("month:O", title=t("chart.month", lang)),
        y=alt.Y(f"{measure}:Q", title=t(f"work.{measure}", lang)),
        color=alt.Color("county:N", title=t("col.county", lang)),
        tooltip=[alt.Tooltip("county:N", title=t("col.county", lang)),
                 alt.Tooltip("month:O", title=t("chart.month", lang)),
                 alt.Tooltip(f"{measure}:Q", title=t(f"work.{measure}", lang), format=",")],
    ).properties(height=320)
    return _styled(chart)
