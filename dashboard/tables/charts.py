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


def sizing_curve(curve: pd.DataFrame, vehicles: int, covered: int, reachable: int, lang: str) -> alt.Chart:
    """Schools covered against vehicles (curve: vehicles, covered, unit), today's vehicles marked, reachable ruled."""
    frame = curve[["vehicles", "covered", "unit"]]
    x = alt.X("vehicles:Q", title=t("rota.chart.vehicles", lang), axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("covered:Q", title=t("rota.chart.covered", lang), axis=alt.Axis(tickMinStep=1, format="d"),
              scale=alt.Scale(domain=[0, max(reachable, int(frame["covered"].max()) if len(frame) else 0, 1)]))
    tips = [alt.Tooltip("vehicles:Q", title=t("rota.chart.vehicles", lang)),
            alt.Tooltip("covered:Q", title=t("rota.chart.covered", lang)),
            alt.Tooltip("unit:N", title=t("rota.col.step_unit", lang))]
    line = alt.Chart(frame).mark_line(point=True, color="#1f77b4").encode(x=x, y=y, tooltip=tips)
    rule_at = pd.DataFrame({"reachable": [reachable], "said": [t("rota.chart.reachable", lang).format(n=reachable)]})
    rule = alt.Chart(rule_at).mark_rule(color="#28a05a", strokeDash=[6, 4]).encode(
        y="reachable:Q", tooltip=[alt.Tooltip("said:N", title=t("rota.col.reachable", lang))])
    rule_text = alt.Chart(rule_at).mark_text(align="left", dx=4, dy=-7, color="#28a05a").encode(
        x=alt.value(0), y="reachable:Q", text="said:N")
    now = pd.DataFrame({"vehicles": [vehicles], "covered": [covered], "said": [t("rota.chart.today", lang)]})
    today = alt.Chart(now).mark_point(shape="diamond", size=160, filled=True, color="#c81e2d").encode(
        x="vehicles:Q", y="covered:Q",
        tooltip=[alt.Tooltip("vehicles:Q", title=t("rota.chart.vehicles", lang)),
                 alt.Tooltip("covered:Q", title=t("rota.chart.covered", lang))])
    today_text = alt.Chart(now).mark_text(align="left", dx=8, dy=10, color="#c81e2d").encode(
        x="vehicles:Q", y="covered:Q", text="said:N")
    return _styled(alt.layer(line, rule, rule_text, today, today_text).properties(height=260))
