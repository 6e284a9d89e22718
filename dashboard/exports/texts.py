"""Texts of the exports: the dashboard's one catalogue (its exports part is texts/exports.py)."""

from __future__ import annotations

from texts import t


def tx(key: str, lang: str = "zh") -> str:
    """The text for key in lang (Chinese by default, as the exports are)."""
    return t(key, lang)
