"""`xiaoan export map | brief | worklist` against the fixture prefecture; the old reports keep working."""

import docx
import openpyxl
from PIL import Image
from typer.testing import CliRunner

from tests.exports import fixture as fx
from xiaoan.cli import app

runner = CliRunner()
PERIOD = ["--from", fx.P_FROM.isoformat(), "--to", fx.P_TO.isoformat()]


def test_export_map_writes_a_png_of_the_chosen_county(cli_db, tmp_path):
    out = tmp_path / "signs.png"
    result = runner.invoke(app, ["export", "map", "--view", "signs", "--county", "福贡县", *PERIOD, "--dpi", "40",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert Image.open(out).size == (int(11.69 * 40), int(8.27 * 40)) and "（signs）" in result.output


def test_export_brief_writes_the_docx(cli_db, tmp_path):
    out = tmp_path / "brief.docx"
    result = runner.invoke(app, ["export", "brief", "--county", "533301", *PERIOD, "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "泸水市校园及周边安全工作情况简报" and len(document.inline_shapes) == 4


def test_export_worklist_writes_the_xlsx(cli_db, tmp_path):
    out = tmp_path / "gaps.xlsx"
    result = runner.invoke(app, ["export", "worklist", "gaps", *PERIOD, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "：3 行 →" in result.output and openpyxl.load_workbook(out).sheetnames[:3] == ["汇总", "泸水市", "福贡县"]


def test_bad_choices_are_usage_errors(cli_db, tmp_path):
    out = str(tmp_path / "x")
    for args in (["map", "--view", "weather", "-o", out], ["worklist", "weather", "-o", out],
                 ["map", "--view", "gaps", "--county", "昆明市", "-o", out],
                 ["brief", "--from", "2025-03-16", "--to", "2025-03-03", "-o", out], ["weather"]):
        result = runner.invoke(app, ["export", *args])
        assert result.exit_code == 2, (args, result.output)
    said = runner.invoke(app, ["export", "brief", "--county", "昆明市", "-o", out]).output
    assert "未知的县（市）昆明市" in said and "533323" in said and "福贡县" in said  # the loaded ones are named


def test_the_reports_are_still_exported(cli_db):
    result = runner.invoke(app, ["export", "activities", *PERIOD])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("533301,泸水市,Lushui,12,5,")
