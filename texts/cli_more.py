"""Texts of the `xiaoan` command line, continued: exports, track pruning, users and the audit log.

`ERRORS` turns the English of a domain error raised below the CLI (db/users.py) into a catalogue key: an
ordered table of the English templates as patterns, like texts/reasons.py for the ETL's reject reasons.
"""

import re

TEXTS: dict[str, tuple[str, str]] = {
    # xiaoan export REPORT
    "cli.export.rows": ("{label}（{report}）：{n} 行 → {file}", "{report}: {n} rows → {file}"),
    "cli.export.unknown_report": ("未知的报表 {report}；应为以下之一：{reports}",
                                  "unknown report {report}; expected one of {reports}"),
    "cli.export.formats": ("--format 应为 {formats}", "--format must be {formats}"),
    "cli.export.xlsx_needs_file": ("--format xlsx 需要用 -o 指定输出文件", "--format xlsx needs -o FILE"),
    "cli.export.or": (" 或 ", " or "),
    "cli.export.report.presence": ("在岗统计", "presence"),
    "cli.export.report.coverage": ("挂钩覆盖", "coverage"),
    "cli.export.report.four100": ("四个100%", "four-100%"),
    "cli.export.report.four100-rates": ("四个100%达标率", "four-100% rates"),
    "cli.export.report.four100-changes": ("四个100%变化", "four-100% changes"),
    "cli.export.report.hazards": ("隐患", "hazards"),
    "cli.export.report.hazard-summary": ("隐患汇总", "hazard summary"),
    "cli.export.report.signs": ("交通标志", "signs"),
    "cli.export.report.not-reinstalled": ("施工后未恢复的标志", "signs not reinstalled"),
    "cli.export.report.activities": ("工作记录", "activities"),
    "cli.export.report.plan-compliance": ("巡逻方案执行情况", "plans against the GPS"),
    "cli.export.plan": ("巡逻方案 {plan_id}：{stops} 个停靠点，{uncovered} 所学校未覆盖 → {file}",
                        "plan {plan_id}: {stops} stops, {uncovered} uncovered → {file}"),
    # xiaoan export map | brief | worklist
    "cli.export.map": ("地图“{label}”（{view}）：{size:,} 字节 → {file}", "map {view}: {size:,} bytes → {file}"),
    "cli.export.brief": ("工作简报 {first} 至 {last} → {file}", "brief {first} – {last} → {file}"),
    "cli.export.worklist": ("{label}（{kind}）：{n} 行 → {file}", "worklist {kind}: {n} rows → {file}"),
    "cli.export.backwards": ("--from {first} 晚于 --to {last}", "--from {first} is after --to {last}"),
    "cli.export.unknown_county": ("未知的县（市）{unknown}；已导入的有：{known}",
                                  "unknown county {unknown}; known: {known}"),
    "cli.export.choose": ("{option} 应为以下之一：{choices}，而不是 {value}",
                          "{option} must be one of {choices}, not {value}"),
    "cli.export.worklist_kind": ("清单类型", "work list"),
    # xiaoan tracks prune
    "cli.tracks.title.to_drop": ("将删除的轨迹点分区（track_point）", "track_point partitions to drop"),
    "cli.tracks.title.to_drop_none": ("将删除的轨迹点分区（track_point）：无", "track_point partitions to drop: none"),
    "cli.tracks.title.dropped": ("已删除的轨迹点分区（track_point）", "track_point partitions dropped"),
    "cli.tracks.title.dropped_none": ("已删除的轨迹点分区（track_point）：无（没有在该日或之前结束的月份）",
                                      "track_point partitions dropped: none (nothing ends on or before the day)"),
    "cli.tracks.month": ("月份", "month"),
    "cli.tracks.partition": ("分区", "partition"),
    "cli.tracks.points": ("点数", "points"),
    "cli.tracks.size": ("大小（MB）", "size (MB)"),
    "cli.tracks.total": ("合计", "total"),
    "cli.tracks.straddling": ("保留 {month}（{name}）：该月延续到 {last_day}，不早于 {before}；只删除整月",
                              "kept {month} ({name}): it runs to {last_day}, on or after {before}; only whole "
                              "months are dropped"),
    "cli.tracks.later": ("保留 {n} 个更晚的月份（不早于 {before}）", "kept {n} later month(s) (on or after {before})"),
    "cli.tracks.default": ("保留 track_point_default 中 {before} 之前的 {n:,} 个点（下次导入该月轨迹时移入对应月份）",
                           "kept {n:,} point(s) before {before} in track_point_default (they move to their month on "
                           "the next load of it)"),
    "cli.tracks.refused": ("已拒绝：{reason}", "refused: {reason}"),
    "cli.tracks.refusal": ("要删除的月份中有 {days} 个上学日缺少在岗统计（{first} … {last}，"
                           "每天最多 {schools} 所学校）；请先运行 `xiaoan refresh`："
                           "轨迹删除后无法再重新计算。未删除任何数据。",
                           "presence is missing for {days} school day(s) of the months to drop ({first} … {last}, "
                           "up to {schools} schools a day); run `xiaoan refresh` first: dropped tracks cannot be "
                           "refreshed again. Nothing was dropped."),
    "cli.tracks.confirm": ("永久删除 {months} 个月、{points:,} 个轨迹点？",
                           "Drop {months} month(s), {points:,} points, for good?"),
    "cli.tracks.kept_all": ("未删除任何数据", "nothing was dropped"),
    "cli.tracks.recorded": ("已记录为导入记录 etl_run {run_id}", "recorded as etl_run {run_id}"),
    "cli.tracks.in_use": ("track_point 被读取方占用超过 {timeout}，未删除任何数据；请在看板空闲时再试",
                          "track_point stayed in use by readers for {timeout}; nothing was dropped; try again when "
                          "the dashboard is quiet"),
    "cli.tracks.busy": ("另一个轨迹导入或清理等待 {seconds} 秒后仍在进行；请在其完成后再试",
                        "another load of tracks is still running after {seconds} s of waiting; try again when it has "
                        "finished"),
    # xiaoan users
    "cli.users.password": ("新密码", "password"),
    "cli.users.password_again": ("再次输入新密码", "repeat the password"),
    "cli.users.password_mismatch": ("两次输入的密码不一致，请重新输入", "the two passwords differ; try again"),
    "cli.users.role": ("{label}（{role}）", "{role}"),
    "cli.users.added": ("已添加用户 {user}，角色：{role}", "user {user} added as {role}"),
    "cli.users.added_county": ("已添加用户 {user}，角色：{role}，县（市）：{county}",
                               "user {user} added as {role} of {county}"),
    "cli.users.role_set": ("用户 {user} 的角色已改为：{role}", "user {user} is now {role}"),
    "cli.users.role_set_county": ("用户 {user} 的角色已改为：{role}，县（市）：{county}",
                                  "user {user} is now {role} of {county}"),
    "cli.users.disabled": ("已停用用户 {user}", "user {user} disabled"),
    "cli.users.enabled": ("已启用用户 {user}", "user {user} enabled"),
    "cli.users.password_changed": ("已修改用户 {user} 的密码", "password of {user} changed"),
    "cli.users.count": ("共 {n} 个用户", "{n} user(s)"),
    "cli.users.user": ("用户名", "user"),
    "cli.users.name": ("姓名", "name"),
    "cli.users.role_col": ("角色", "role"),
    "cli.users.county": ("县（市）", "county"),
    "cli.users.is_disabled": ("已停用", "disabled"),
    "cli.users.yes": ("是", "yes"),
    "cli.users.audit": ("审计日志", "audit log"),
    "cli.users.at": ("时间", "at"),
    "cli.users.action": ("操作", "action"),
    "cli.users.target": ("对象", "target"),
    "cli.users.rows": ("行数", "rows"),
    "cli.users.error.unknown_role": ("未知的角色 {role}；应为以下之一：{roles}",
                                     "unknown role {role}; expected one of {roles}"),
    "cli.users.error.needs_county": ("角色 {role} 须用 --county 指定县（市）行政区划代码",
                                     "role {role} needs --county ADCODE"),
    "cli.users.error.no_county": ("角色 {role} 可查看所有县（市）：请去掉 --county",
                                  "role {role} sees every county: leave out --county"),
    "cli.users.error.unknown_county": ("未知的县（市）{county}；请先导入县（市）边界，或检查行政区划代码",
                                       "unknown county {county}; load the counties first or check the adcode"),
    "cli.users.error.short_password": ("密码太短：至少 {n} 个字符",
                                       "the password is too short: at least {n} characters"),
    "cli.users.error.bad_name": ("用户名 {user} 不可用：应为 2–64 个字母、数字或 _ . @ -",
                                 "user name {user} is not allowed: 2–64 letters, digits or _ . @ -"),
    "cli.users.error.exists": ("用户 {user} 已存在；请改用 set-role 或 password", "user {user} exists already; use "
                               "set-role or password"),
    "cli.users.error.no_user": ("没有用户 {user}；`xiaoan users list` 可列出所有用户",
                                "no user {user}; `xiaoan users list` shows who there is"),
    # the audit log's actions (db.models.access.AUDIT_ACTIONS)
    "audit_action.sign_in": ("登录", "sign-in"),
    "audit_action.sign_in_failed": ("登录失败", "sign-in failed"),
    "audit_action.sign_in_locked": ("登录被锁定", "sign-in locked"),
    "audit_action.sign_out": ("退出登录", "sign-out"),
    "audit_action.load": ("导入数据", "load"),
    "audit_action.export": ("导出", "export"),
    "audit_action.user_add": ("添加用户", "user added"),
    "audit_action.user_set_role": ("修改角色", "role changed"),
    "audit_action.user_disable": ("停用用户", "user disabled"),
    "audit_action.user_enable": ("启用用户", "user enabled"),
    "audit_action.user_password": ("修改密码", "password changed"),
}

# The English of db/users.py's AccessErrors (matched whole) → the key that says it; the groups fill the key's fields.
ERRORS: list[tuple[re.Pattern[str], str]] = [(re.compile(pattern), key) for pattern, key in [
    (r"unknown role (?P<role>.+); expected one of (?P<roles>.+)", "cli.users.error.unknown_role"),
    (r"role (?P<role>\S+) needs --county ADCODE", "cli.users.error.needs_county"),
    (r"role (?P<role>\S+) sees every county: leave out --county", "cli.users.error.no_county"),
    (r"unknown county (?P<county>.+); load the counties first or check the adcode", "cli.users.error.unknown_county"),
    (r"the password is too short: at least (?P<n>\d+) characters", "cli.users.error.short_password"),
    (r"user name (?P<user>.+) is not allowed: 2–64 letters, digits or _ \. @ -", "cli.users.error.bad_name"),
    (r"user (?P<user>.+) exists already; use set-role or password", "cli.users.error.exists"),
    (r"no user (?P<user>.+); `xiaoan users list` shows who there is", "cli.users.error.no_user"),
]]
