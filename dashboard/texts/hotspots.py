"""Texts of the hotspots page."""

TEXTS: dict[str, tuple[str, str]] = {
}
