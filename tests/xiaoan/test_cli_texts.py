"""The command line speaks from the catalogue: no English message, table title or column is written in xiaoan/*.py."""

import ast
import re
from pathlib import Path

import pytest

from texts import CATALOGUE, PARTS
from texts.cli_more import ERRORS

XIAOAN = Path(__file__).resolve().parents[2] / "xiaoan"
SAYING = {"echo", "secho", "print", "rprint", "confirm", "prompt", "BadParameter", "UsageError", "ClickException",
          "Table", "add_column", "add_row", "tell"}  # what puts its arguments before a user
TITLES = {"title", "caption", "confirmation_prompt"}
MARKUP = re.compile(r"\[/?[a-z ]+\]")  # rich's [red] … [/red]
WORD = re.compile(r"[A-Za-z]{2,}")


def literals(node: ast.AST) -> list[str]:
    """The text written in the code of one argument: a string, an f-string's own parts, either side of + or of
    `a if c else b`; never what a call inside it (say(…)) returns."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return literals(node.left) + literals(node.right)
    if isinstance(node, ast.IfExp):
        return literals(node.body) + literals(node.orelse)
    return []


def english(source: str) -> list[tuple[int, str]]:
    """(line, text) of every hard-coded English text a user would see: said, printed, asked, a table's, a usage
    error's, or the message of an exception raised with words in it (help= and docstrings are for developers)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            found += [(node.lineno, s) for s in literals(node.exc.args[0]) if re.search(r"[A-Za-z]{2,} [A-Za-z]", s)]
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SAYING:
            continue
        args = [*node.args, *(k.value for k in node.keywords if k.arg in TITLES)]
        found += [(node.lineno, s) for a in args for s in literals(a) if WORD.search(MARKUP.sub("", s))]
    return found


@pytest.mark.parametrize("path", sorted(XIAOAN.glob("*.py")), ids=lambda p: p.name)
def test_no_hard_coded_english_reaches_the_user(path):
    assert english(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_what_it_must():
    bad = '''
typer.echo(f"user {user} added as {role}")
console.print("[red]refused[/red]: " + reason)
table = Table("month", say("cli.tracks.points"), title=f"{n} user(s)")
table.add_row("total", str(n))
raise typer.BadParameter("--format must be csv or xlsx")
raise AccessError(f"no user {user!r}")
typer.confirm(f"Drop {n} month(s)?", abort=True)
'''
    assert sorted({line for line, _ in english(bad)}) == [2, 3, 4, 5, 6, 7, 8]
    good = '''
typer.echo(say("cli.users.added", user=user), err=True, help="developers read this")
console.print(f"[red]{say('cli.tracks.refused')}[/red]: {escape(text)}")
table.add_row(m.label, f"{m.rows:,}", "", "、".join(names))
raise PlanError("not_found", plan_id=plan_id)
'''
    assert english(good) == []


def test_the_catalogue_parts_do_not_collide_and_every_error_pattern_and_report_has_its_text():
    from xiaoan.export_cmd import REPORTS

    assert all(f"cli.export.report.{report}" in CATALOGUE for report in REPORTS)
    assert sum(len(part) for part in PARTS) == len(CATALOGUE), "a key is defined in two catalogue parts"
    for pattern, key in ERRORS:
        zh, en = CATALOGUE[key]
        assert set(re.findall(r"{(\w+)", zh)) == set(re.findall(r"{(\w+)", en)) == set(pattern.groupindex), key
