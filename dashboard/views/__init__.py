"""One package per page: its view (widgets), its data functions, its own builders."""
