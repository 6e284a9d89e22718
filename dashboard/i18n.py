"""The one UI text catalogue: zh-CN first, English second; `t(key, lang)` looks a text up."""

from __future__ import annotations

from collections.abc import Callable, Mapping

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"

Translator = Callable[[str], str]

CATALOGUE: dict[str, tuple[str, str]] = {
    "app.title": ("校安图 · 怒江州校园安全", "XiaoAn · Nujiang campus safety"),
    "page.overview": ("总览", "Overview"),
    "overview.title": ("校安图 · 学校分布总览", "XiaoAn · where the schools are"),
    "overview.caption": ("怒江傈僳族自治州中小学校、幼儿园分布（按学校类型着色）",
                         "Schools and kindergartens of Nujiang prefecture, coloured by type"),
    "sidebar.language": ("语言 / Language", "语言 / Language"),
    "sidebar.counties": ("县（市）", "Counties"),
    "sidebar.all_counties": ("全部县（市）", "All counties"),
    "sidebar.counties_help": ("不选即为全州；可多选。链接会保留所选范围。",
                              "Leave empty for the whole prefecture; the link keeps your choice."),
    "metric.schools": ("学校总数", "Schools"),
    "metric.pupils": ("在校学生", "Pupils"),
    "metric.counties": ("县（市）", "Counties"),
    "legend.title": ("学校类型", "School type"),
    "legend.type": ("类型", "Type"),
    "legend.count": ("数量", "Count"),
    "map.alt": ("怒江州学校分布地图", "Map of the schools of Nujiang prefecture"),
    "error.database": ("无法读取数据库，请检查数据库是否已启动、连接设置是否正确。",
                       "The database cannot be read: check that it is running and how it is configured."),
    "error.detail": ("详情", "Details"),
    "info.no_counties": ("数据库中还没有县（市）边界数据，请先导入基础数据。",
                         "No county boundaries in the database yet: import the base data first."),
    "info.no_schools": ("所选范围内还没有学校数据。", "No schools in the selected counties yet."),
    "type.幼儿园": ("幼儿园", "Kindergarten"),
    "type.小学": ("小学", "Primary school"),
    "type.初中": ("初中", "Junior secondary"),
    "type.高中": ("高中", "Senior secondary"),
    "type.九年一贯制": ("九年一贯制学校", "Nine-year school"),
    "type.完全中学": ("完全中学", "Complete secondary"),
    "type.特殊教育": ("特殊教育学校", "Special education"),
    "type.职业学校": ("职业学校", "Vocational school"),
}


def language(value: object, default: str = DEFAULT_LANGUAGE) -> str:
    """A supported language code for value (e.g. a URL parameter), else default."""
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    return default if default in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str) -> str:
    """The text for key in lang; a missing key shows itself so that it is noticed, never crashes."""
    texts = CATALOGUE.get(key)
    if texts is None:
        return key
    return texts[LANGUAGES.index(lang)] if lang in LANGUAGES else texts[0]


def translator(lang: str) -> Translator:
    """A one-argument `t` bound to lang."""
    return lambda key: t(key, lang)


def type_label(school_type: str, lang: str) -> str:
    """Translated name of a school type; an unknown type is shown as stored."""
    key = f"type.{school_type}"
    return t(key, lang) if key in CATALOGUE else school_type


def county_label(row: Mapping[str, object], lang: str) -> str:
    """A county's name in lang, from name_zh / name_en (or county_zh / county_en) columns."""
    zh = row.get("name_zh", row.get("county_zh")) or ""
    en = row.get("name_en", row.get("county_en")) or ""
    return str(en or zh) if lang == "en" else str(zh or en)
