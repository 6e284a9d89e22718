"""Texts of the data_page page."""

TEXTS: dict[str, tuple[str, str]] = {
}
