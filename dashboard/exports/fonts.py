"""The CJK font of every export: Noto Sans CJK SC (Debian fonts-noto-cjk), found through matplotlib."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
from matplotlib import font_manager

from db.errors import MissingSoftware

FAMILY = "Noto Sans CJK SC"
PACKAGE = "fonts-noto-cjk"
_DRAWING = threading.RLock()  # rcParams are global to the process; the dashboard serves many threads


def _lookup(family: str) -> Any | None:
    """Where matplotlib finds the family (a path, with the face index of a .ttc), or None."""
    try:
        found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return None
    return found if font_manager.get_font(found).family_name == family else None


@cache
def cjk_font(family: str = FAMILY) -> Any:
    """The font file of the family; rebuilds matplotlib's font cache once (fonts installed after it was made)."""
    found = _lookup(family)
    if found is None:
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
        found = _lookup(family)
    if found is None:
        raise MissingSoftware(f"the font “{family}”", PACKAGE)
    return found


def rc() -> dict[str, Any]:
    """matplotlib settings that draw every text in FAMILY (checked to be installed) and never fall back."""
    cjk_font()
    return {"font.family": [FAMILY], "font.sans-serif": [FAMILY], "axes.unicode_minus": False,
            "pdf.fonttype": 42, "svg.fonttype": "none"}


@contextmanager
def drawing() -> Iterator[None]:
    """Draw with rc() in force, one thread at a time."""
    settings = rc()
    with _DRAWING, matplotlib.rc_context(settings):
        yield
