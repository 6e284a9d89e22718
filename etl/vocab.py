"""Closed vocabularies: a word in Chinese or English in a cell, normalised to one code."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable


def key(word: str) -> str:
    """Comparison form: NFKC (full-width digits and brackets), no blanks, underscores or dashes, lower case."""
    return re.sub(r"[\s_\-·]", "", unicodedata.normalize("NFKC", word)).lower()


def choice(words: dict[str, str]) -> Callable[[str], str]:
    """A cell parser that maps each listed word, or a code itself, to its code."""
    table = {key(code): code for code in words.values()} | {key(word): code for word, code in words.items()}
    first: dict[str, str] = {}
    for word, code in words.items():
        first.setdefault(code, word)
    expected = ", ".join(f"{word} ({code})" for code, word in first.items())

    def parse(value: str) -> str:
        code = table.get(key(value))
        if code is None:
            raise ValueError(f"expected one of {expected}")
        return code

    return parse
