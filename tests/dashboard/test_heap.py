"""The server freezes what the views imported out of the collector's full passes, again only after new imports."""

import gc
import sys
import types

from dashboard.frame import heap


def test_objects_alive_at_a_view_with_new_imports_are_frozen_once(monkeypatch):
    monkeypatch.setattr(heap, "_frozen_at", [0])  # as in a new process, whatever page tests ran before
    gc.unfreeze()
    try:
        heap.freeze_imports()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the interpreter's and the dashboard's modules, classes and functions
        kept = [[i] for i in range(100)]  # tracked objects a view made since: a second freeze would take them
        heap.freeze_imports()
        assert gc.get_freeze_count() == frozen
        sys.modules["xiaoan_test_new_import"] = types.ModuleType("xiaoan_test_new_import")
        heap.freeze_imports()
        assert gc.get_freeze_count() > frozen
        assert kept
    finally:
        sys.modules.pop("xiaoan_test_new_import", None)
        gc.unfreeze()
