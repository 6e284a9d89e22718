"""Reject reasons of the ETL (etl/report.py) in Chinese: an ordered table of the English templates as patterns.

The ETL and its reject files on disk speak English; the dashboard and the CLI show each reason through
`reason(text, lang)`. Every template the ETL can produce is a pattern below, its f-string parts as named
groups that are kept as they are (values, column names, numbers, file names) or, where a part is itself a
template (the detail after "wrong type: ", "invalid geometry: ", a file name and its problem …), translated in
turn. A reason that matches no pattern is shown as it is, in English: never an error.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from texts.common import TEXTS as COMMON
from texts.data_page import TEXTS as DATA_PAGE

Convert = Callable[[str], "str | None"]  # a group's value in Chinese, or None when it has no translation
FILE = r"(?P<file>.+?)"
SAVE_ONE_ENCODING = r"; save the file in one encoding, preferably UTF-8"


@dataclass(frozen=True)
class Rule:
    """An English reason template (a regex matched whole) and its Chinese template (str.format of the groups)."""

    pattern: re.Pattern[str]
    zh: str
    convert: dict[str, Convert] = field(default_factory=dict)


def _zh(key: str) -> str | None:
    """The Chinese text of a catalogue key, or None."""
    texts = COMMON.get(key) or DATA_PAGE.get(key)
    return texts[0] if texts else None


KINDS = {english: code.removeprefix("kind.") for code, (_, english) in DATA_PAGE.items()
         if code.startswith("kind.") and code != "kind.or"}
KINDS |= {"binary data that is no known format": "binary"}  # etl.sniff.NAMES words it so


def _kind(english: str) -> str | None:
    """A file kind as etl.sniff.NAMES says it, in Chinese."""
    code = KINDS.get(english)
    return _zh(f"kind.{code}") if code else None


def _kinds(english: str) -> str | None:
    """Kinds joined by " or " (some kinds' own names hold an " or ": the longest names are matched first)."""
    names = sorted(KINDS, key=len, reverse=True)
    parts, rest = [], english
    while rest:
        name = next((n for n in names if rest.startswith(n)), None)
        if name is None:
            return None
        parts.append(_kind(name))
        rest = rest[len(name):]
        if rest and not rest.startswith(" or "):
            return None
        rest = rest.removeprefix(" or ")
    return "或".join(p for p in parts if p)


def _coded(prefix: str) -> Convert:
    """A coded value (dataset, hazard status) by its catalogue label, "label（code）"; unknown codes as they are."""
    def convert(code: str) -> str:
        label = _zh(f"{prefix}.{code}")
        return f"{label}（{code}）" if label else code
    return convert


REFERENCE = {"school": "学校", "officer": "民警", "unit": "公安单位", "road": "道路", "county": "县（市）"}
TIME_UNITS = {"year": "年份", "month": "月份", "day": "日", "hour": "小时", "minute": "分钟", "second": "秒"}
SHAPELY = {"Self-intersection": "自相交", "Ring Self-intersection": "环自相交",
           "Too few points in geometry component": "几何部件的点太少", "Hole lies outside shell": "洞在外环以外",
           "Interior is disconnected": "内部不连通", "Nested holes": "洞相互嵌套", "Nested shells": "外环相互嵌套",
           "Duplicate Rings": "环重复", "Invalid Coordinate": "坐标无效", "Ring is not closed": "环不闭合",
           "Holes are nested": "洞相互嵌套"}


def _rows_by_county(found: str) -> str | None:
    """"533323: 1 row(s), 533324: 2 row(s)" in Chinese."""
    parts = [re.fullmatch(r"(\S+): (\d+) row\(s\)", p) for p in found.split(", ")]
    return "，".join(f"{m[1]}：{m[2]} 行" for m in parts) if all(parts) else None


def _rule(pattern: str, zh: str, **convert: Convert) -> Rule:
    return Rule(re.compile(pattern, re.DOTALL), zh, convert)


def _sub(rules: list[Rule]) -> Convert:
    """A group that is itself one of rules' templates."""
    return lambda text: _apply(rules, text, strict=True)


# The detail of "wrong type: …": etl/fields.py, etl/vocab.py, etl/officers.py, the track parsers, Python's own.
TYPE_DETAILS = [
    _rule(r"expected a whole number such as (?P<eg>\S+)", "应为整数，如 {eg}"),
    _rule(r"expected a whole number of at least 0 such as (?P<eg>\S+)", "应为不小于 0 的整数，如 {eg}"),
    _rule(r"expected a decimal number such as (?P<eg>\S+)", "应为数字（可带小数），如 {eg}"),
    _rule(r"expected 是 or 否 \(yes/no\)", "应为“是”或“否”"),
    _rule(r"no such day in the calendar", "日历上没有这一天（请检查月和日）"),
    _rule(r"expected a date such as (?P<a>\S+), (?P<b>\S+) or (?P<c>\S+)", "应为日期，如 {a}、{b} 或 {c}"),
    _rule(r"expected one of (?P<choices>.+)", "应为以下之一：{choices}"),
    _rule(r"expected a phone number of (?P<low>\d+) to (?P<high>\d+) digits "
          r"\(a mobile, or a landline with its area code\)",
          "应为 {low} 到 {high} 位数字的电话号码（手机号，或带区号的固定电话）"),
    _rule(r"not a finite number: (?P<text>.*)", "不是有限的数字：{text}"),
    _rule(r"not a date and time of day: (?P<text>.*)", "不是带时刻的日期时间：{text}（应如 2024-03-05 07:31:02）"),
    _rule(r"not a date and time: (?P<text>.*)", "不是日期时间：{text}（应如 2024-03-05 07:31:02）"),
    _rule(r"could not convert string to float: (?P<text>.*)", "不是数字：{text}"),
    _rule(r"(?P<unit>year|month|day|hour|minute|second) must be in (?P<low>-?\d+)\.\.(?P<high>-?\d+)"
          r"(?:, not (?P<got>-?\d+))?", "{unit}应在 {low} 到 {high} 之间", unit=TIME_UNITS.get),
    _rule(r"day is out of range for month", "日超出了该月的天数"),
    _rule(r"year (?P<year>-?\d+) is out of range", "年份 {year} 超出范围"),
]

GEOMETRY_DETAILS = [
    _rule(r"expected Polygon or MultiPolygon", "应为面（Polygon 或 MultiPolygon）"),
    _rule(r"expected LineString or MultiLineString, got (?P<type>.+)",
          "应为线（LineString 或 MultiLineString），实际为 {type}"),
    _rule(r"empty line \(expected at least two distinct points\)", "空线（应至少有两个不同的点）"),
    _rule(r"a coordinate is not a number", "有坐标不是数字"),
    _rule(r"zero-length line \(expected at least two distinct points\)", "长度为零的线（应至少有两个不同的点）"),
    _rule(r"self-intersecting line \(expected a line that does not cross itself\)", "线自相交（线不应与自身交叉）"),
    _rule(r"no geometry|none|None", "没有几何图形（应有点、线或面）"),
    _rule(r"(?P<what>" + "|".join(sorted(map(re.escape, SHAPELY), key=len, reverse=True)) + r")(?P<at>\[.*\])?",
          "{what}{at}", what=SHAPELY.get, at=lambda at: at or ""),
    _rule(r"IllegalArgumentException: point array must contain 0 or >1 elements",
          "点数不对（线至少要有两个点）"),
    _rule(r"(?P<detail>\w*(?:Exception|Error)\b.*)", "无法读取几何图形（{detail}）"),
]

ARCHIVE_DETAILS = [
    _rule(r"not a readable ZIP \((?P<detail>.*)\)", "不是可读的 ZIP 压缩包（{detail}）"),
    _rule(r"(?P<count>\d+) members, at most (?P<limit>\d+)", "含 {count} 个文件，最多允许 {limit} 个"),
    _rule(r"member (?P<member>.+) points outside the archive", "其中的 {member} 指向压缩包以外的位置"),
    _rule(r"member (?P<member>.+) is a link or encrypted", "其中的 {member} 是链接或已加密"),
    _rule(r"member (?P<member>.+) packs more than (?P<limit>\d+):1",
          "其中的 {member} 压缩比超过 {limit}:1，疑似压缩炸弹"),
    _rule(r"unpacks to more than (?P<limit>\d+) MB", "解压后超过 {limit} MB"),
    _rule(r"a member does not unpack as declared \((?P<detail>.*)\)", "有文件不能按其声明解压（{detail}）"),
    _rule(r"it must hold exactly one shapefile \(\.shp, \.shx, \.dbf …\)",
          "应恰好含有一个 Shapefile（.shp、.shx、.dbf 等）"),
]

CSV_DETAILS = [
    _rule(r"field larger than field limit \((?P<limit>\d+)\)", "字段长度超过上限（{limit} 个字符）"),
]

RULES: list[Rule] = [
    # a cell or a row (etl/validate.py, etl/tracks/reasons.py and the datasets' own checks)
    _rule(r"required value missing: road_id \(works without a line must name the road\)",
          "缺少必填值：road_id（没有施工线位时，必须填写所在道路的道路编号）"),
    _rule(r"required value missing: county_adcode \(give 县 or 学校标识码\)",
          "缺少必填值：county_adcode（请填写“县”或“学校标识码”）"),
    _rule(r"required value missing: (?P<column>.+)", "缺少必填值：{column}（此项不能为空）"),
    _rule(r"required value missing or not a 6-digit adcode", "缺少行政区划代码，或不是 6 位数字代码（应如 533301）"),
    _rule(r"wrong type: (?P<detail>.+)", "格式错误：{detail}", detail=_sub(TYPE_DETAILS)),
    _rule(r"wrong value: a vehicle id has at most (?P<limit>\d+) characters and no NUL",
          "取值错误：车辆编号最多 {limit} 个字符，且不能含 NUL 字符"),
    _rule(r"value out of range: (?P<value>\S+) is outside (?P<low>\S+)…(?P<high>\S+)",
          "数值超出范围：{value} 不在 {low}…{high} 之内"),
    _rule(r"duplicate key inside the file \(first on row (?P<row>\d+)\)",
          "文件内重复：与第 {row} 行重复（同一编号在文件中只能出现一次）"),
    _rule(r"duplicate key inside the file", "文件内重复（同一编号在文件中只能出现一次）"),
    _rule(r"duplicate \(vehicle, time\) inside the file \(first on row (?P<row>\d+)\)",
          "文件内重复：同一车辆同一时间的点位已在第 {row} 行出现"),
    _rule(r"invalid geometry: (?P<detail>.+)", "几何图形无效：{detail}", detail=_sub(GEOMETRY_DETAILS)),
    _rule(r"latitude and longitude swapped \(the point falls inside the prefecture when exchanged\)",
          "经纬度填反了（交换经度和纬度后点位落在本州内；请交换两列的值）"),
    _rule(r"coordinates out of range \(longitude −180…180, latitude −90…90\)",
          "坐标超出范围（经度应在 −180…180 之间，纬度应在 −90…90 之间）"),
    _rule(r"point outside the prefecture \(expected a location inside one of its counties\)",
          "点位在本州以外（应位于本州某个县（市）内；请检查坐标和所选坐标系）"),
    _rule(r"unknown school type \(expected one of (?P<types>.+)\)", "未知的学校类型（应为以下之一：{types}）"),
    _rule(r"gate needs both longitude and latitude, or neither \(then the school point is used\)",
          "大门经度和大门纬度应同时填写或同时不填（不填时使用学校点位）"),
    _rule(r"date logic: finished before it started on (?P<date>\S+) \(expected 完工日期 on or after 开工日期\)",
          "日期矛盾：完工日期早于开工日期 {date}（完工日期应不早于开工日期）"),
    _rule(r"date logic: valid_to is before valid_from (?P<date>\S+) "
          r"\(expected an end date on or after the start date\)",
          "日期矛盾：结束日期早于开始日期 {date}（结束日期应不早于开始日期）"),
    _rule(r"date logic: the term ends before it starts on (?P<date>\S+) \(expected 结束日期 on or after 开始日期\)",
          "日期矛盾：学期结束日期早于开始日期 {date}（结束日期应不早于开始日期）"),
    _rule(r"date logic: (?P<date>\S+) is a weekday \(expected a make-up workday on a Saturday or Sunday\)",
          "日期矛盾：{date} 是工作日（调休上班日应在星期六或星期日）"),
    _rule(r"date logic: status 已整改 \(rectified\) needs a rectified date \(expected 整改日期, the day it was fixed\)",
          "日期缺失：状态为“已整改”时须填写整改日期（即整改完成的日期）"),
    _rule(r"date logic: status 限期整改 \(deadline\) needs a deadline "
          r"\(expected 整改期限, the day it must be fixed by\)",
          "日期缺失：状态为“限期整改”时须填写整改期限（即必须整改完成的日期）"),
    _rule(r"date logic: a rectified date with status (?P<status>\S+) \(expected status 已整改, or no 整改日期\)",
          "日期矛盾：状态为 {status} 却填写了整改日期（状态应为“已整改”，或不填整改日期）",
          status=_coded("hazard_status")),
    _rule(r"date logic: rectified before it was found on (?P<date>\S+) \(expected a date on or after 发现日期\)",
          "日期矛盾：整改日期早于发现日期 {date}（应不早于发现日期）"),
    _rule(r"date logic: deadline before it was found on (?P<date>\S+) \(expected a date on or after 发现日期\)",
          "日期矛盾：整改期限早于发现日期 {date}（应不早于发现日期）"),
    _rule(r"the school (?P<school>\S+) lies in county (?P<county>\S+) "
          r"\(expected the school's county, or leave 县 empty\)",
          "学校 {school} 位于县（市）{county}（“县”应填写该学校所在的县（市），或留空）"),
    _rule(r"unknown school \(学校标识码 not among the loaded schools; load the schools first or correct the code\)",
          "未知的学校（学校标识码不在已导入的学校中；请先导入学校，或更正学校标识码）"),
    _rule(r"unknown officer \(警号 not among the loaded officers; load the officers first or correct the number\)",
          "未知的民警（警号不在已导入的民警中；请先导入民警，或更正警号）"),
    _rule(r"unknown unit \(neither a code nor the name of a loaded police unit; load the units first\)",
          "未知的公安单位（既不是已导入单位的代码，也不是其名称；请先导入公安单位）"),
    _rule(r"unknown road \(道路编号 not among the loaded roads; load the roads first or correct the id\)",
          "未知的道路（道路编号不在已导入的道路中；请先导入道路，或更正道路编号）"),
    _rule(r"unknown vehicle \(车牌号 not among the registered vehicles; load the vehicles first or correct the plate\)",
          "未知的车辆（车牌号不在已登记的车辆中；请先导入车辆，或更正车牌号）"),
    _rule(r"unknown county \(expected an adcode such as (?P<code>\S+) or a county name such as (?P<name>\S+)\)",
          "未知的县（市）（应为行政区划代码如 {code}，或县（市）名称如 {name}）"),
    _rule(r"ambiguous (?P<kind>\w+) \(the name matches several; give the code\)",
          "{kind}名称不唯一（该名称对应多个{kind}；请填写代码）", kind=REFERENCE.get),
    _rule(r"timestamp out of range: before 2000 \(a placeholder such as 1970-01-01 or 1901-01-01\?\)",
          "时间超出范围：早于 2000 年（是否为 1970-01-01、1901-01-01 之类的占位值？）"),
    _rule(r"timestamp out of range: in the future \(later than the time of the load plus 10 minutes\)",
          "时间超出范围：在未来（晚于导入时间 10 分钟以上）"),
    _rule(r"invalid row", "无效的行（此行的点位不能使用）"),
    _rule(r"malformed CSV record: (?P<detail>.+)", "CSV 记录格式错误：{detail}", detail=_sub(CSV_DETAILS)),
    # a whole file (UnreadableFile and its kinds, reported on row 0 by etl/runner.py)
    _rule(FILE + r": the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8 CSV",
          "{file}：文本既不是 UTF-8 也不是 GB18030/GBK 编码；请另存为 UTF-8 编码的 CSV"),
    _rule(FILE + r": the file has no header row and no data", "{file}：文件没有表头行，也没有数据"),
    _rule(FILE + r": not readable CSV at line (?P<line>\d+) \((?P<detail>.*)\)",
          "{file}：第 {line} 行不是可读的 CSV（{detail}）"),
    _rule(FILE + r": not a readable Excel workbook \((?P<detail>.*)\)", "{file}：不是可读的 Excel 工作簿（{detail}）"),
    _rule(FILE + r": no such file", "{file}：文件不存在"),
    _rule(FILE + r": no such header mapping file", "{file}：表头对照文件不存在"),
    _rule(FILE + r": unsupported table format (?P<suffix>.+); expected \.xlsx or \.csv",
          "{file}：不支持的表格格式 {suffix}（应为 .xlsx 或 .csv）"),
    _rule(FILE + r": unsupported format (?P<suffix>.+); expected \.shp or \.geojson",
          "{file}：不支持的格式 {suffix}（应为 .shp 或 .geojson）"),
    _rule(FILE + r": unsupported track format (?P<suffix>.+); expected \.csv or \.gpx",
          "{file}：不支持的轨迹格式 {suffix}（应为 .csv 或 .gpx）"),
    _rule(FILE + r": not a GPX file \(the root element is not <gpx>\)", "{file}：不是 GPX 文件（根元素不是 <gpx>）"),
    _rule(FILE + r": not readable GPX \((?P<detail>.*)\)", "{file}：不是可读的 GPX（{detail}）"),
    _rule(FILE + r": no track points \(<trkpt>\); waypoints and routes are not tracks",
          "{file}：没有轨迹点（<trkpt>）；航点和路线不是轨迹"),
    _rule(FILE + r": not a readable Shapefile/GeoJSON \(a Shapefile needs its \.shp, \.shx and \.dbf side by side\) "
          r"\((?P<detail>.*)\)",
          "{file}：不是可读的 Shapefile/GeoJSON（Shapefile 的 .shp、.shx 和 .dbf 须一起上传）（{detail}）"),
    _rule(FILE + r": not readable GeoJSON \((?P<detail>.*)\)", "{file}：不是可读的 GeoJSON（{detail}）"),
    _rule(FILE + r": expected a GeoJSON FeatureCollection", "{file}：应为 GeoJSON 要素集合（FeatureCollection）"),
    _rule(FILE + r": bytes that are not (?P<encoding>\S+) after (?P<offset>\d+) bytes \((?P<detail>.*)\)"
          + SAVE_ONE_ENCODING,
          "{file}：第 {offset} 个字节之后有不是 {encoding} 编码的字节（{detail}）；"
          "请用同一种编码保存文件，最好是 UTF-8"),
    _rule(FILE + r": bytes that are not (?P<encoding>\S+) \((?P<detail>.*)\)" + SAVE_ONE_ENCODING,
          "{file}：有不是 {encoding} 编码的字节（{detail}）；请用同一种编码保存文件，最好是 UTF-8"),
    _rule(FILE + r": the header row is not readable CSV \((?P<detail>.*)\)",
          "{file}：表头行不是可读的 CSV（{detail}）"),
    _rule(FILE + r": required column\(s\) missing: (?P<missing>.+); headers found: (?P<headers>.*)",
          "{file}：缺少必需的列：{missing}；文件中的表头为：{headers}"),
    _rule(FILE + r": neither a terms file \(学期名称, 开始日期, 结束日期\) nor a holidays file \(日期, 类型, 名称\); "
          r"headers found: (?P<headers>.*)",
          "{file}：既不是学期文件（学期名称、开始日期、结束日期），也不是节假日文件（日期、类型、名称）；文件中的表头为：{headers}"),
    _rule(FILE + r": roads come as a Shapefile \(\.shp with \.shx, \.dbf and \.cpg\) or as GeoJSON",
          "{file}：道路应为 Shapefile（.shp 及 .shx、.dbf、.cpg）或 GeoJSON 文件"),
    _rule(FILE + r": the file's coordinate system has no EPSG code; name it with --crs EPSG:n",
          "{file}：文件的坐标系没有 EPSG 代码；请用 --crs EPSG:n 指定坐标系"),
    _rule(r"(?:" + FILE + r": )?no counties are loaded yet; run `xiaoan load counties` first",
          "{file}尚未导入县（市）边界；请先导入县（市）边界（xiaoan load counties）",
          file=lambda f: f"{f}：" if f else ""),
    _rule(r"unknown time zone (?P<zone>.+); expected a name such as Asia/Shanghai",
          "未知的时区 {zone}（应为时区名称，如 Asia/Shanghai）"),
    _rule(r"(?P<dataset>\S+) is loaded for the whole prefecture; only an administrator may load it "
          r"\(a data clerk loads rows of their own county: schools, units, townships, hazards, roads, activities\)",
          "{dataset}按全州导入，只有管理员可以导入（数据录入员只能导入本县（市）的学校、公安单位、乡镇、隐患、道路和工作记录）",
          dataset=_coded("dataset")),
    _rule(r"(?P<count>\d+) row\(s\) lie outside the counties you may load \((?P<allowed>[^)]*)\): (?P<found>.+); "
          r"nothing of the file was loaded",
          "{count} 行数据不在您可以导入的县（市）（{allowed}）内：{found}；整个文件未导入", found=_rows_by_county),
    _rule(FILE + r": the content is (?P<found>.+?), but a (?P<ext>\.\w+) file should be (?P<expected>.+)",
          "{file}：文件内容是{found}，但扩展名为 {ext} 的文件应是{expected}", found=_kind, expected=_kinds),
    _rule(FILE + r": archive refused: (?P<detail>.+)", "{file}：压缩包被拒绝：{detail}", detail=_sub(ARCHIVE_DETAILS)),
    _rule(FILE + r": (?P<size>[\d.]+) MB is over the upload limit of (?P<limit>\d+) MB",
          "{file}：大小为 {size} MB，超过上传上限 {limit} MB"),
]

# What a load says besides its rejects (etl_run.message): not reasons, but shown beside them.
MESSAGES: list[Rule] = [
    _rule(r"same file as the last load", "与上次导入的文件相同，未重复导入"),
    _rule(r"no row inserted, updated or deleted", "没有新增、更新或删除任何行（数据库中已是这些数据）"),
    _rule(r"warning: points of (?P<first>\S+) … (?P<until>\S+) are before (?P<kept>\S+), where tracks were pruned "
          r"\(xiaoan tracks prune\): they are stored, but the presence of those days is kept as it was, not "
          r"recomputed",
          "注意：{first} … {until} 的点位早于 {kept}，这些日期的轨迹已清理（xiaoan tracks prune）："
          "点位已保存，但这些日期的在岗统计保持原样，不重新计算"),
]


def _apply(rules: list[Rule], text: str, strict: bool) -> str | None:
    """The Chinese of the first rule that matches text whole; strict: None unless every part translates."""
    for rule in rules:
        match = rule.pattern.fullmatch(text)
        if match is None:
            continue
        values = {k: v or "" for k, v in match.groupdict().items()}
        for name, convert in rule.convert.items():
            converted = convert(match[name] or "") if name in values else None
            if converted is None and strict:
                break
            values[name] = values[name] if converted is None else converted
        else:
            return rule.zh.format(**values)
    return None


def translate(text: str, strict: bool = True) -> str | None:
    """A reason (or a load's message) in Chinese; None when it has no translation (strict: not in every part)."""
    return _apply(RULES + MESSAGES, text.strip(), strict)


def reason(text: object, lang: str) -> str:
    """A reason as a user reads it: Chinese in zh (else as written), the ETL's English in en; never raises."""
    value = "" if text is None else str(text)
    if lang == "en" or not value:
        return value
    try:
        return translate(value) or translate(value, strict=False) or value
    except (ValueError, KeyError, IndexError, re.error):  # a template that does not fit its groups: shown as written
        return value


def message(text: object, lang: str) -> str:
    """A load's message (several lines, each a reason or a note) in lang."""
    value = "" if text is None else str(text)
    return "\n".join(reason(line, lang) for line in value.split("\n")) if lang != "en" and value else value


def report_csv(data: bytes, lang: str) -> bytes:
    """A reject report (etl.report CSV, UTF-8 with BOM) with its reason column in lang; other bytes unchanged."""
    if lang == "en":
        return data
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return data
    if not rows or "reason" not in rows[0]:
        return data
    at = rows[0].index("reason")
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(rows[0])
    writer.writerows([*r[:at], reason(r[at], lang), *r[at + 1:]] if len(r) > at else r for r in rows[1:])
    return out.getvalue().encode("utf-8-sig")
