"""The one text catalogue, of the dashboard and the CLI (its parts: this package's modules); `t(key, lang)`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from texts import (
    auth,
    brief,
    cli,
    cli_more,
    common,
    compliance,
    data_page,
    exports,
    gaps,
    hotspots,
    overview,
    plan,
    rota,
    school,
    signs,
    work,
)

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"

Translator = Callable[[str], str]

PARTS = [common.TEXTS, overview.TEXTS, gaps.TEXTS, hotspots.TEXTS, signs.TEXTS, work.TEXTS, school.TEXTS,
         data_page.TEXTS, brief.TEXTS, exports.TEXTS, auth.TEXTS, cli.TEXTS, cli_more.TEXTS, plan.TEXTS,
         compliance.TEXTS, rota.TEXTS]
CATALOGUE: dict[str, tuple[str, str]] = {key: texts for part in PARTS for key, texts in part.items()}


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


def label(prefix: str, value: object, lang: str) -> str:
    """The translated name of a coded value (e.g. label("hazard_status", "open", lang)); unknown ones as stored."""
    key = f"{prefix}.{value}"
    return t(key, lang) if key in CATALOGUE else str(value)


def short_county(name: str) -> str:
    """A county's name as said on a map: 兰坪白族普米族自治县 → 兰坪县 (others unchanged)."""
    return name[:2] + "县" if name.endswith("自治县") and len(name) > 4 else name
