"""Texts of the school page."""

TEXTS: dict[str, tuple[str, str]] = {
}
