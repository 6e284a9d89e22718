"""The page frame: sign-in, sidebar, filters and URL state, navigation, downloads, widgets."""
