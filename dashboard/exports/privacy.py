"""Officers' phone numbers masked in every export: the first 3 and last 4 digits stay (139****5554)."""

from __future__ import annotations

import math
import re

import pandas as pd

# An 11-digit mainland mobile, optionally +86 and grouped by spaces or hyphens, not inside a longer number.
MOBILE = re.compile(r"(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?!\d)")
MASKED = re.compile(r"^(?:\d{3}\*{4}\d{4}|\*{4})$")  # already masked (by the database's xiaoan_officer_phone)


def mask_phone(value: object) -> str:
    """A phone number masked: 139****5554 (any number of 8+ digits), **** when shorter, '' when empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if MASKED.match(str(value).strip()):
        return str(value).strip()
    digits = re.sub(r"\D", "", str(value))
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if len(digits) >= 8:
        return f"{digits[:3]}****{digits[-4:]}"
    return "****" if digits else ""


def mask_text(text: object) -> str:
    """Free text with every mobile number in it masked by mask_phone."""
    return MOBILE.sub(lambda m: mask_phone(m.group(1)), "" if text is None else str(text))


def mask_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame with mobile numbers masked in every text cell."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: mask_text(v) if isinstance(v, str) else v)
    return out
