"""Cell parsers: text in, typed value out, or ValueError saying what was expected."""

from __future__ import annotations

import datetime as dt
import re

TRUE_WORDS = {"是", "有", "y", "yes", "true", "1", "√", "✓", "已落实", "达标"}
FALSE_WORDS = {"否", "无", "n", "no", "false", "0", "×", "✗", "未落实", "不达标"}
EXCEL_EPOCH = dt.date(1899, 12, 30)
DATE_PATTERNS = (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
                 re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"))


def text(value: str) -> str:
    """Text with surrounding blanks removed."""
    return value.strip()


def count(value: str) -> int:
    """A non-negative whole number such as 320 or 1,320."""
    cleaned = value.replace(",", "").replace("，", "").strip()
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError("expected a whole number such as 320") from None
    if not number.is_integer() or number < 0:
        raise ValueError("expected a whole number of at least 0 such as 320")
    return int(number)


def decimal(value: str) -> float:
    """A decimal number such as 98.857."""
    try:
        return float(value.replace("，", ".").strip())
    except ValueError:
        raise ValueError("expected a decimal number such as 98.857") from None


def flag(value: str) -> bool:
    """Yes/no in Chinese or English: 是/否, 有/无, yes/no, 1/0, √/×."""
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("expected 是 or 否 (yes/no)")


def date(value: str) -> dt.date:
    """A date as 2021-05-31, 2021/5/31, 2021年5月31日 or an Excel serial number."""
    value = value.strip()
    for pattern in DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError("no such day in the calendar") from None
    if re.fullmatch(r"\d{4,5}(\.0+)?", value):
        return EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
    raise ValueError("expected a date such as 2021-05-31, 2021/5/31 or 2021年5月31日")
