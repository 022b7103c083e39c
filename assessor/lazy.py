"""A package's public names imported on first use (PEP 562's module ``__getattr__``).

A package lists each name and the submodule that defines it, then hands its namespace here::

    __getattr__, __dir__ = lazy_names(__name__, globals(), {"load_questionnaire": "loader"})

``from package import name`` keeps working; the submodule is only imported when a name from it is first
wanted, and the name is then kept in the package so later look-ups are ordinary attribute reads. Static
type checkers see the names through an ``if TYPE_CHECKING:`` import block in the package itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_names(
    package: str, namespace: MutableMapping[str, Any], homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` for ``package``: ``homes`` maps each name to its submodule.

    ``dir(package)`` lists the names already loaded and those ``homes`` can load, so a public name missing
    from ``homes`` (one ``__getattr__`` could not find) is missing from ``dir`` too.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
