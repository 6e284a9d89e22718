"""The CJK font of every export: Noto Sans CJK SC (Debian fonts-noto-cjk), found through matplotlib."""

from __future__ import annotations

from functools import cache
from typing import Any

from matplotlib import font_manager

from db.errors import MissingSoftware

FAMILY = "Noto Sans CJK SC"
PACKAGE = "fonts-noto-cjk"


def _lookup() -> Any | None:
    """Where matplotlib finds FAMILY (a path, with the face index of a .ttc), or None."""
    try:
        found = font_manager.findfont(font_manager.FontProperties(family=FAMILY), fallback_to_default=False)
    except ValueError:
        return None
    return found if font_manager.get_font(found).family_name == FAMILY else None


@cache
def cjk_font() -> Any:
    """The font file of FAMILY; rebuilds matplotlib's font cache once (fonts installed after it was made)."""
    found = _lookup()
    if found is None:
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
        found = _lookup()
    if found is None:
        raise MissingSoftware(f"the font “{FAMILY}”", PACKAGE)
    return found


def rc() -> dict[str, Any]:
    """matplotlib settings that draw every text in FAMILY (checked to be installed) and never fall back."""
    cjk_font()
    return {"font.family": [FAMILY], "font.sans-serif": [FAMILY], "axes.unicode_minus": False,
            "pdf.fonttype": 42, "svg.fonttype": "none"}
