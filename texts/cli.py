"""Texts of the `xiaoan` command line: its messages, the load summary, what went wrong with the database."""

TEXTS: dict[str, tuple[str, str]] = {
    "cli.db.down": ("无法连接数据库 {url}：服务器未运行或无法访问。内置数据库请运行 `xiaoan db up`；外部数据库请检查 "
                    "XIAOAN_DATABASE_URL 或 .streamlit/secrets.toml。",
                    "The database at {url} cannot be reached: the server is not running or not reachable. Run "
                    "`xiaoan db up` for the embedded database; for another one check XIAOAN_DATABASE_URL or "
                    ".streamlit/secrets.toml."),
    "cli.db.password": ("数据库 {url} 拒绝了用户名或密码。请检查 XIAOAN_DATABASE_URL 或 .streamlit/secrets.toml "
                        "中的账号密码。",
                        "The database at {url} refused the user name or password. Check the credentials in "
                        "XIAOAN_DATABASE_URL or .streamlit/secrets.toml."),
    "cli.db.missing": ("数据库 {url} 不存在。运行 `xiaoan db up` 创建数据库并建表（外部服务器上需要 CREATEDB 权限）。",
                       "The database {url} does not exist. Run `xiaoan db up` to create and migrate it (on an "
                       "external server this needs the CREATEDB privilege)."),
    "cli.db.not_migrated": ("数据库 {url} 尚未建表或版本过旧。运行 `xiaoan db up` 迁移到最新版本。",
                            "The database {url} has no XiaoAn tables or an old schema. Run `xiaoan db up` to "
                            "migrate it."),
    "cli.db.unreachable": ("无法连接数据库：{detail}", "the database cannot be reached: {detail}"),
    "cli.debug": ("（设置 XIAOAN_DEBUG=1 可查看详细错误信息）", "(set XIAOAN_DEBUG=1 to see the traceback)"),
    "cli.error": ("出错：{message}", "Error: {message}"),
    "cli.load.dataset": ("数据集", "dataset"),
    "cli.load.status": ("结果", "status"),
    "cli.load.read": ("读取", "read"),
    "cli.load.loaded": ("导入", "loaded"),
    "cli.load.rejected": ("拒收", "rejected"),
    "cli.load.new": ("新增", "new"),
    "cli.load.changed": ("更新", "changed"),
    "cli.load.already": ("已有", "already there"),
    "cli.load.unknown_dataset": ("未知数据集 {dataset}；应为以下之一：{datasets}",
                                 "unknown dataset {dataset}; expected one of {datasets}"),
    "cli.load.file": ("文件", "file"),
    "cli.load.problems": ("{file}：{n} 个问题，拒收报告：{report}", "{file}: {n} problem(s), reject report: {report}"),
    "cli.load.where": ("第 {row} 行 {column} {value}", "row {row} {column} {value}"),
    "cli.load.whole_file": ("整个文件", "file"),
    "cli.holidays.added": ("节假日：{years} 年新增 {n} 天", "holidays: {n} days added for {years}"),
    "cli.refresh.rows": ("在岗统计：{n} 行（学校 × 日 × 时段）", "presence: {n} school × day × window rows"),
    "cli.refresh.kept": ("{day} 之前的在岗统计保持原样：轨迹已清理", "presence before {day} kept: tracks pruned"),
    "cli.refresh.to_alone": ("--to 需要与 --from 一起使用", "--to needs --from"),
    "cli.refresh.backwards": ("--to {last} 早于 --from {first}", "--to {last} is before --from {first}"),
    "cli.demo.skipped": ("学校数据已导入，跳过演示数据", "schools are already loaded; demo skipped"),
    "cli.demo.future": ("演示数据不能设在未来：现在是 {zone} 时间 {now}",
                        "the demo cannot be live in the future: now is {now} in {zone}"),
    "cli.demo.users": ("演示用户 {names} 可用密码 {password} 登录（设置 {env} 可另选密码；"
                       "`xiaoan users password NAME` 可修改某个用户的密码）",
                       "demo users {names} can sign in with the password {password} (set {env} to choose another; "
                       "`xiaoan users password NAME` changes one)"),
    "cli.dbc.ready": ("就绪", "ready"),
    "cli.dbc.nothing_to_stop": ("配置的是外部数据库，无需停止", "an external database is configured; nothing to stop"),
    "cli.dbc.stopped": ("已停止", "stopped"),
    "cli.dbc.database": ("数据库：{url}（{kind}）", "database: {url} ({kind})"),
    "cli.dbc.embedded": ("内置数据库，数据目录 {dir}", "embedded cluster in {dir}"),
    "cli.dbc.external": ("外部数据库", "external"),
    "cli.dbc.up": ("运行中", "up"),
    "cli.dbc.migration": ("：迁移版本 {revision}，学校 {schools} 所", ": migration {revision}, {schools} schools"),
    "cli.dbc.not_ready": ("未就绪：", "not ready: "),
    "cli.dbc.confirm_reset": ("删除当前数据库中的全部数据？", "Delete all data in the database in use?"),
    "cli.dbc.rebuilt": ("已重建", "rebuilt"),
    "cli.dbc.backup_failed": ("备份失败：", "backup failed: "),
    "cli.dbc.backed_up": ("已备份", "backed up"),
    "cli.dbc.backup_to": ("{url} 到 {file}（{mb:.1f} MB）", "{url} to {file} ({mb:.1f} MB)"),
    "cli.dbc.restore_failed": ("未恢复：", "not restored: "),
    "cli.dbc.restored": ("已恢复", "restored"),
    "cli.dbc.restored_how": ("{file}：{how} {url}", "{file} {how} {url}"),
    "cli.dbc.how.created": ("恢复到新建的数据库", "into a new database"),
    "cli.dbc.how.empty": ("恢复到空数据库", "into the empty database"),
    "cli.dbc.how.replaced": ("替换了数据库原有内容", "replacing what the database held"),
}
