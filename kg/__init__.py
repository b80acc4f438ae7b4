"""Knowledge-graph builder for mining news releases.

The Python API (see :mod:`kg.api`), imported on first use so that ``import kg`` stays cheap::

    import kg
    store = kg.open_store(".kg-store")
    store.query("facts", metal="palladium").to_pandas()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["KgStore", "Results", "build", "open_store"]

if TYPE_CHECKING:
    from kg.api import KgStore, build, open_store
    from kg.results import Results


def __getattr__(name: str) -> Any:
    if name in {"KgStore", "build", "open_store"}:
        from kg import api

        return getattr(api, name)
    if name == "Results":
        from kg.results import Results

        return Results
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
