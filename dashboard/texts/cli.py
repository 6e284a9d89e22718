"""Texts of the `xiaoan` command line: what went wrong with the database, and what to run."""

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
    "cli.db.missing": ("数据库 {url} 不存在。运行 `xiaoan db up` 创建数据库并建表。",
                       "The database {url} does not exist. Run `xiaoan db up` to create and migrate it."),
    "cli.db.not_migrated": ("数据库 {url} 尚未建表或版本过旧。运行 `xiaoan db up` 迁移到最新版本。",
                            "The database {url} has no XiaoAn tables or an old schema. Run `xiaoan db up` to "
                            "migrate it."),
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
    "cli.load.file": ("文件", "file"),
    "cli.load.problems": ("{file}：{n} 个问题，拒收报告：{report}", "{file}: {n} problem(s), reject report: {report}"),
    "cli.load.where": ("第 {row} 行 {column} {value}", "row {row} {column} {value}"),
    "cli.load.whole_file": ("整个文件", "file"),
}
