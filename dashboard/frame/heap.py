"""The server's heap: what the views have imported is kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc
import sys

_frozen_at = [0]  # how many modules were imported at the last freeze


def freeze_imports() -> None:
    """Move every object alive now to the collector's permanent generation (gc.freeze) when a view has imported
    modules since the last time: a few times per process, once per kind of page first viewed.

    Those objects are the imports' modules, classes and functions, ~370k on the overview alone, which live as long
    as the server and which each full collection walked again: one such pass cost 0.2 s of a cold overview at M.
    Full passes now walk only what views made since."""
    if len(sys.modules) != _frozen_at[0]:
        gc.freeze()
        _frozen_at[0] = len(sys.modules)
