"""Charts (pure Altair specs, rendered offline by Streamlit's bundled Vega): presence calendar, trends."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from texts import t

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


def school_calendar(rows: pd.DataFrame, windows: list[str], labels: dict[str, str], lang: str) -> alt.Chart:
    """One school: peak window × school day, green with presence, red without."""
    cells = rows.assign(date=pd.to_datetime(rows["day"]).dt.strftime("%Y-%m-%d"),
                        window=rows["window_name"].map(lambda w: labels.get(w, w)),
                        seen=rows["present"].map(lambda p: t("yes" if p else "no", lang)))
    order = [labels.get(w, w) for w in windows] + sorted(set(cells["window"]) - {labels.get(w, w) for w in windows})
    chart = alt.Chart(cells[["date", "window", "seen", "min_distance_m", "first_seen"]]).mark_rect(
        stroke="white").encode(
        x=alt.X("date:O", title=t("chart.day", lang), axis=alt.Axis(labelAngle=-60)),
        y=alt.Y("window:N", title=None, sort=order),
        color=alt.Color("seen:N", title=t("chart.present", lang),
                        scale=alt.Scale(domain=[t("yes", lang), t("no", lang)], range=["#28a05a", "#c81e2d"])),
        tooltip=[alt.Tooltip("date:O", title=t("chart.day", lang)),
                 alt.Tooltip("window:N", title=t("gaps.window", lang)),
                 alt.Tooltip("seen:N", title=t("chart.present", lang)),
                 alt.Tooltip("first_seen:N", title=t("school.first_seen", lang)),
                 alt.Tooltip("min_distance_m:Q", title=t("col.closest", lang), format=",.0f")],
    ).properties(height=alt.Step(CELL_PX + 6))
    return _styled(chart)


def month_grid(monthly: pd.DataFrame, months: list[str], counties: list[str], measures: tuple[str, ...]
               ) -> pd.DataFrame:
    """Every county × month of the period, zeros where nothing was recorded (lines are then unbroken)."""
    full = pd.MultiIndex.from_product([months, counties], names=["month", "county_adcode"]).to_frame(index=False)
    merged = full.merge(monthly[["month", "county_adcode", *measures]], how="left", on=["month", "county_adcode"])
    return merged.fillna({m: 0 for m in measures})


def months_between(first: dt.date, last: dt.date) -> list[str]:
    """The calendar months from first to last as YYYY-MM."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def weekly_rate(weeks: pd.DataFrame, lang: str) -> alt.Chart:
    """Plans against the GPS by week (weeks: week, stops, kept, rate): bars of stops checked, the rate as a line."""
    frame = weeks.assign(week=pd.to_datetime(weeks["week"]).dt.strftime("%m-%d"))[["week", "stops", "kept", "rate"]]
    base = alt.Chart(frame).encode(x=alt.X("week:O", title=t("compliance.col.week", lang)))
    tips = [alt.Tooltip("week:O", title=t("compliance.col.week", lang)),
            alt.Tooltip("stops:Q", title=t("compliance.col.stops", lang)),
            alt.Tooltip("kept:Q", title=t("compliance.col.kept", lang)),
            alt.Tooltip("rate:Q", title=t("compliance.col.rate", lang), format=".1%")]
    bars = base.mark_bar(color="#9ecae1").encode(y=alt.Y("stops:Q", title=t("compliance.col.stops", lang)),
                                                 tooltip=tips)
    line = base.mark_line(point=True, color="#c81e2d").encode(
        y=alt.Y("rate:Q", title=t("compliance.col.rate", lang), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")), tooltip=tips)
    return _styled(alt.layer(bars, line).resolve_scale(y="independent").properties(height=260))
