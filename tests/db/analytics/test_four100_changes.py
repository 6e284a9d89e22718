"""Four-100% changes per county and flag between the end of the previous period and the end of this one."""

import datetime as dt

import pytest

from dashboard.analysis import fmt, metrics
from dashboard.exports import figures, sentences, snapshot
from db.analytics import reports
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES
from tests.etl.test_four100_history import AUTUMN, FUGONG, LUSHUI, SPRING

COLUMNS = ["county_adcode", "county_zh", "county_en", "flag", "previous_end", "period_end", "schools",
           "met_before", "met_after", "newly_met", "lost", "newly_met_schools", "newly_met_names", "lost_schools",
           "lost_names"]
FLAGS = ["full_time_guard", "closed_management", "alarm_video_linked", "guard_post", "all_four"]


@pytest.fixture
def loaded(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    for path in (SPRING, AUTUMN):
        assert load_file(engine, DATASETS["schools"], path).status == "loaded"
    return engine


def changes(engine, date_from, date_to, counties=(LUSHUI, FUGONG)):
    with engine.connect() as conn:
        return reports.four100_changes(conn, date_from, date_to, list(counties) or None)


def rows(df):
    return [(r.county_adcode, r.flag, r.schools, r.met_before, r.met_after, r.newly_met, r.lost,
             r.newly_met_schools, r.newly_met_names, r.lost_schools, r.lost_names) for r in df.itertuples()]


def test_newly_met_and_lost_per_county_and_flag(loaded):
    df = changes(loaded, dt.date(2026, 3, 3), dt.date(2026, 9, 30))
    assert list(df.columns) == COLUMNS
    assert set(df["previous_end"]) == {dt.date(2026, 3, 2)} and set(df["period_end"]) == {dt.date(2026, 9, 30)}
    assert list(df["county_zh"].unique()) == ["泸水市", "福贡县"]
    assert rows(df) == [
        (LUSHUI, "full_time_guard", 3, 3, 2, 0, 1, [], [], ["2153010102"], ["六库镇双奎地幼儿园"]),
        (LUSHUI, "closed_management", 3, 3, 3, 0, 0, [], [], [], []),
        (LUSHUI, "alarm_video_linked", 3, 2, 2, 0, 0, [], [], [], []),
        (LUSHUI, "guard_post", 3, 1, 2, 1, 0, ["2153010101"], ["六库镇向阳小学"], [], []),
        (LUSHUI, "all_four", 3, 1, 2, 1, 0, ["2153010101"], ["六库镇向阳小学"], [], []),
        # 2153230103 is first checked in the period: it counts in met_after, not as newly met
        (FUGONG, "full_time_guard", 3, 1, 3, 1, 0, ["2153230101"], ["上帕镇腊竹底小学"], [], []),
        (FUGONG, "closed_management", 3, 1, 3, 1, 0, ["2153230101"], ["上帕镇腊竹底小学"], [], []),
        (FUGONG, "alarm_video_linked", 3, 2, 2, 0, 1, [], [], ["2153230102"], ["上帕镇中心完小"]),
        (FUGONG, "guard_post", 3, 1, 2, 0, 0, [], [], [], []),
        (FUGONG, "all_four", 3, 1, 1, 0, 1, [], [], ["2153230102"], ["上帕镇中心完小"])]


def test_a_period_before_the_autumn_checks_has_no_change(loaded):
    df = changes(loaded, dt.date(2026, 3, 3), dt.date(2026, 8, 31))
    assert (df["newly_met"] == 0).all() and (df["lost"] == 0).all()
    assert list(df["met_after"]) == list(df["met_before"]) == [3, 3, 2, 1, 1, 1, 1, 2, 1, 1]


def test_the_first_checks_are_no_change_and_every_county_and_flag_has_a_row(loaded):
    df = changes(loaded, dt.date(2026, 1, 1), dt.date(2026, 3, 31), counties=())
    assert list(df["county_adcode"].unique()) == ["533301", "533323", "533324", "533325"]
    assert list(df["flag"]) == FLAGS * 4 and (df["newly_met"] + df["lost"] == 0).all()
    assert list(df["met_before"].unique()) == [0]
    assert list(df.loc[df["county_adcode"] == "533324", "schools"]) == [0] * 5


def test_schools_without_history_never_change(town):
    df = changes(town, dt.date(2026, 1, 1), dt.date(2026, 12, 31), counties=[LUSHUI])
    assert list(df["newly_met"] + df["lost"]) == [0] * 5
    assert list(df["met_before"]) == list(df["met_after"]) == [3, 2, 2, 3, 1]  # the stored flags (conftest)


def test_the_brief_and_the_overview_say_what_moved(loaded):
    with loaded.connect() as conn:
        snap = snapshot.take(conn, None, dt.date(2026, 3, 3), dt.date(2026, 9, 30))
    assert sentences.four100_change_sentence(figures.figures(snap)) == (
        "本期新增配备专职保安员1所、实行封闭化管理1所、设立护学岗1所、“四个100%”全部达标1所；"
        "减少配备专职保安员1所、一键式紧急报警和视频监控联网1所、“四个100%”全部达标1所。")
    assert "本期新增配备专职保安员1所" in sentences.safety_sentence(figures.figures(snap), dt.date(2026, 9, 30))
    only_lushui = metrics.four100_moves(snap.four100_changes, {"2153010101", "2153010102"})
    assert only_lushui == {"full_time_guard": (0, 1), "closed_management": (0, 0), "alarm_video_linked": (0, 0),
                           "guard_post": (1, 0), "all_four": (1, 0)}
    assert fmt.four100_moves(only_lushui, "zh") == ("四个100%：本期新增 护学岗 1 所、四个100%全部达标 1 所；"
                                                     "减少 专职保安员 1 所")
    assert fmt.four100_moves(only_lushui, "en") == ("Four-100% this period: newly met Guard post 1, "
                                                     "All four met 1; lost Full-time guard 1")


def test_no_move_is_said_as_such(loaded):
    with loaded.connect() as conn:
        snap = snapshot.take(conn, None, dt.date(2026, 3, 3), dt.date(2026, 8, 31))
    assert sentences.four100_change_sentence(figures.figures(snap)) == "本期各项达标学校数无增减。"
    assert fmt.four100_moves(metrics.four100_moves(snap.four100_changes), "zh") == "四个100%：本期各项达标学校无增减。"
    assert fmt.four100_moves({}, "zh") is None
