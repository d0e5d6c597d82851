"""The cyclic garbage collector paused while a reader builds its values, for both X12 readers."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is read, and resume it after.

    Why: reading allocates tens of thousands of small objects (segments, element tuples, loop records, models) that
    hold no reference cycles, and each burst of allocations sets off the cyclic collector, which then walks every
    live object again: a quarter to a third of the read time on a 1 MB file. Reference counting still frees
    everything as usual; only the cycle search waits until the read ends. A collector that was already off stays
    off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
