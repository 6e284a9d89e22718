"""Texts of the work page."""

TEXTS: dict[str, tuple[str, str]] = {
}
