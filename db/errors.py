"""Domain errors of XiaoAn; `user_message` is the one place that turns them into user text."""

from __future__ import annotations

from texts import t
from texts.reasons import message


class XiaoAnError(Exception):
    """Base of all errors that mean something to a user."""


class MissingSoftware(XiaoAnError):
    """A program the project needs is not installed."""

    def __init__(self, program: str, package: str) -> None:
        super().__init__(f"{program} was not found; install the Debian package `{package}` "
                         f"(sudo apt-get install {package}) or run `make run`, which installs it")
        self.program, self.package = program, package


class ClusterError(XiaoAnError):
    """The embedded PostgreSQL cluster could not be started, stopped or read."""


class DatabaseUnavailable(XiaoAnError):
    """The configured database cannot be reached."""


class UnreadableFile(XiaoAnError):
    """An input file cannot be read at all; nothing of it is loaded."""


class RefusedFile(UnreadableFile):
    """A file refused before reading: too large, not what its extension says, or an unsafe archive."""

    def __init__(self, message: str, code: str, **params: object) -> None:
        super().__init__(message)
        self.code, self.params = code, params


class BackupError(XiaoAnError):
    """A backup or restore could not be made, or would overwrite data without being told to."""


class AccessError(XiaoAnError):
    """A user cannot be added or changed as asked, or may not do what was asked."""


class SignInLocked(AccessError):
    """Too many failed sign-ins of one user name lately: every sign-in of it is refused for a while."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"too many failed sign-ins for this user name; try again in {self.minutes} min")

    @property
    def minutes(self) -> int:
        """Whole minutes until the name may sign in again (at least one)."""
        return max(1, -(-self.seconds // 60))


class LoadBusy(XiaoAnError):
    """Another load of the same dataset holds the lock for too long."""


class PlanError(XiaoAnError):
    """A patrol plan that cannot be made: no roads, no vehicles, a unit without a position, not a school day …"""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"patrol plan: {code} {params}" if params else f"patrol plan: {code}")
        self.code, self.params = code, params


def user_message(error: BaseException, lang: str = "en", url: str | None = None) -> str:
    """A one- or two-line message for a user in lang, without a traceback (url: the database in use, shown)."""
    kind = database_problem(error)
    if kind and url is not None:
        return t(f"cli.db.{kind}", lang).format(url=url)
    first_line = (str(error).strip().splitlines() or [""])[0]
    if isinstance(error, PlanError):
        return t(f"plan.error.{error.code}", lang).format(**error.params)
    if isinstance(error, XiaoAnError):
        return message(str(error), lang)
    name = type(error).__name__
    if name in {"OperationalError", "InterfaceError"}:
        return t("cli.db.unreachable", lang).format(detail=first_line)
    return f"{name}: {first_line}"


DOWN = ("connection refused", "could not connect", "timeout expired", "connection failed",
        "server closed the connection", "no such file or directory")


def database_problem(error: BaseException) -> str | None:
    """Which database problem an error means: down, password, missing or not_migrated (None: not one of them)."""
    text, name = str(error).lower(), type(error).__name__
    if name not in {"OperationalError", "InterfaceError", "ProgrammingError"} and not isinstance(
            error, DatabaseUnavailable):
        return None
    if "password authentication failed" in text or "no password supplied" in text:
        return "password"
    if "database \"" in text and "does not exist" in text:
        return "missing"
    if "relation \"" in text and "does not exist" in text:
        return "not_migrated"
    if any(mark in text for mark in DOWN) or name != "ProgrammingError":
        return "down"
    return None
