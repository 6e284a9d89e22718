"""What the command line says, in the configured language (XIAOAN_LANGUAGE, zh by default), from the catalogue."""

from __future__ import annotations

from db.settings import get_settings
from texts import language, t
from texts.cli_more import ERRORS


def lang() -> str:
    """The command line's language: settings' `language` (zh or en), zh when it is neither."""
    return language(get_settings().language)


def say(key: str, **values: object) -> str:
    """The catalogue's text for key in the command line's language, its {fields} filled from values."""
    return t(key, lang()).format(**values)


def said(english: str) -> str:
    """A domain error's English (one of texts.cli_more.ERRORS) said in the command line's language; other text
    as it is."""
    for pattern, key in ERRORS:
        match = pattern.fullmatch(english.strip())
        if match:
            return say(key, **match.groupdict())
    return english
