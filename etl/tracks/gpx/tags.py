"""The tags of a stretch of plain GPX as numpy arrays: where each is, its kind, and the names that matter.

Plain means: every '<' opens a tag that the next '>' closes, no comment, CDATA, DOCTYPE or processing
instruction, no entity or character reference, end tags without blanks. Anything else raises Retry("reader").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from etl.tracks.points import Retry

LT, GT, SLASH, COLON = (ord(c) for c in "<>/:")
BLANK = np.zeros(256, bool)
BLANK[[9, 10, 13, 32]] = True
AFTER_NAME = BLANK.copy()
AFTER_NAME[[SLASH, GT]] = True
VALUES = ("time", "speed", "course")
NAME = re.compile(rb"</?([^\s/>]+)")


def local_name(buffer: bytes, position: int) -> str:
    """The name without prefix of the tag at a position."""
    return NAME.match(buffer, position).group(1).rpartition(b":")[2].decode()


def word(name: str) -> np.uint64:
    """The bytes of a short name as a little-endian integer."""
    return np.uint64(int.from_bytes(name.encode(), "little"))


@dataclass
class Tags:
    """Tags of a stretch: position of '<' and '>', end tag, empty-element tag, and the local name tests."""

    lt: np.ndarray
    gt: np.ndarray
    closing: np.ndarray
    empty: np.ndarray
    window: np.ndarray  # 8 bytes starting at each position of the stretch, as little-endian integers
    raw: np.ndarray

    def __post_init__(self) -> None:
        """The end tags and the 8 bytes before each one's '>'."""
        self.ends = np.flatnonzero(self.closing)
        self.tails = self.window[self.gt[self.ends] - 8]

    def ends_named(self, name: str, prefixed: bool = True) -> np.ndarray:
        """Indices of end tags whose local name is name (with a prefix too, unless prefixed is False)."""
        size = len(name)
        hit = (self.tails >> np.uint64(8 * (8 - size))) == word(name)
        ends = self.ends[hit]
        before = self.raw[self.gt[ends] - size - 1]
        return ends[(before == SLASH) | (prefixed & (before == COLON))]

    def starts_named(self, name: str) -> np.ndarray:
        """Indices of start and empty-element tags named name without a prefix."""
        size = len(name)
        opening = np.flatnonzero(~self.closing)
        head = self.window[self.lt[opening] + 1] & np.uint64((1 << (8 * size)) - 1)
        found = opening[head == word(name)]
        return found[AFTER_NAME[self.raw[self.lt[found] + 1 + size]]]


def tags(stretch: bytes) -> Tags:
    """The tags of a stretch (given padded with 8 blank bytes at each end)."""
    if b"&" in stretch or b"<!" in stretch or b"<?" in stretch:
        raise Retry("reader")
    raw = np.frombuffer(stretch, np.uint8)
    lt, gt = np.flatnonzero(raw == LT), np.flatnonzero(raw == GT)
    if len(lt) != len(gt) or (gt < lt).any() or (lt[1:] < gt[:-1]).any():
        raise Retry("reader")  # '>' in text or in a value
    closing = raw[lt + 1] == SLASH
    if (closing & BLANK[raw[gt - 1]]).any():
        raise Retry("reader")
    window = np.ndarray(shape=(len(raw) - 7,), dtype="<u8", buffer=raw, offset=0, strides=(1,))
    return Tags(lt, gt, closing, ~closing & (raw[gt - 1] == SLASH), window, raw)
