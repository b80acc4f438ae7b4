"""Every extractor module is listed in the one table of extractors."""

from __future__ import annotations

import importlib
import pkgutil

import kg.extract
from kg.extract import EXTRACTORS

SUPPORT_MODULES = {"document", "names", "figures", "lexicon"}  # shared readers, not extractors


def test_every_extractor_module_is_in_the_table() -> None:
    listed = {f.__module__ for f in EXTRACTORS}
    for info in pkgutil.iter_modules(kg.extract.__path__):
        if info.name in SUPPORT_MODULES:
            continue
        module = importlib.import_module(f"kg.extract.{info.name}")
        extractors = [name for name in dir(module) if name.startswith("extract_")
                      and getattr(getattr(module, name), "__module__", "") == module.__name__]
        assert extractors, f"kg.extract.{info.name} defines no extract_ function"
        assert f"kg.extract.{info.name}" in listed, f"kg.extract.{info.name} is not in EXTRACTORS"
