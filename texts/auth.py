"""Texts of signing in and of roles."""

TEXTS: dict[str, tuple[str, str]] = {
    "auth.title": ("校安图 · 登录", "XiaoAn · sign in"),
    "auth.caption": ("请使用管理员分配的账号登录。各县（市）用户只能看到本县（市）的数据。",
                     "Sign in with the account your administrator gave you; county users see their county only."),
    "auth.user": ("用户名", "User name"),
    "auth.password": ("密码", "Password"),
    "auth.submit": ("登录", "Sign in"),
    "auth.failed": ("用户名或密码不正确，或账号已停用。", "Wrong user name or password, or the account is disabled."),
    "auth.locked": ("该用户名登录失败次数过多，已暂时锁定，请 {minutes} 分钟后再试。",
                    "Too many failed sign-ins for this user name: it is locked; try again in {minutes} min."),
    "auth.signed_in": ("已登录：{user}（{role}）", "Signed in: {user} ({role})"),
    "auth.sign_out": ("退出登录", "Sign out"),
    "auth.no_load": ("您的角色不能导入数据；数据由数据录入员或管理员导入。",
                     "Your role cannot load files; data clerks and administrators load them."),
    "auth.county_only": ("您只能导入本县（市）的数据：{county}。", "You may load rows of your county only: {county}."),
    "role.leader": ("领导", "leader"),
    "role.planner": ("县（市）业务人员", "county planner"),
    "role.clerk": ("数据录入员", "data clerk"),
    "role.admin": ("管理员", "administrator"),
}
