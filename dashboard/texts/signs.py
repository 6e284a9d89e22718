"""Texts of the signs page."""

TEXTS: dict[str, tuple[str, str]] = {
}
