"""No import cycle anywhere in assessor/.

Every ``import`` and ``from ... import`` statement in a module counts, wherever it is in the module's syntax
tree: at the top, inside a function or a method (the lazy imports that keep start-up fast), inside a ``try``.
The one exception is the body of an ``if TYPE_CHECKING:`` block, which never runs.

An import leads to the module it names: for ``from package import name``, to the submodule ``name`` when
there is one, else to the package; and when the package hands out ``name`` lazily (``assessor.lazy``: its
``__init__`` maps each name to the submodule that defines it), to that submodule too. The parent packages
Python runs on the way are not counted (a package's ``__init__`` that imports its own submodules would
otherwise always look like a cycle). Imports made from strings (``importlib.import_module``) are not seen.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement under ``node``, except in the body of an ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:  # an ``else:`` does run
                if isinstance(other, ast.Import | ast.ImportFrom):
                    yield other
                yield from _imports(other)
        else:
            yield from _imports(child)


def _lazy_homes(tree: ast.Module) -> dict[str, str]:
    """A package's lazily loaded names and their submodules: the dict literal handed to ``lazy_names``."""
    assigned = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "lazy_names"
            and len(node.args) == 3
        ):
            homes = node.args[2]
            if isinstance(homes, ast.Name):
                homes = assigned.get(homes.id, homes)
            if isinstance(homes, ast.Dict):
                return {
                    key.value: value.value
                    for key, value in zip(homes.keys, homes.values, strict=True)
                    if isinstance(key, ast.Constant) and isinstance(value, ast.Constant)
                }
    return {}


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Each module of ``package`` (a folder under ``root``) and the modules of the package it imports."""
    paths = {_module_name(path, root): path for path in (root / package).rglob("*.py")}
    trees = {name: ast.parse(path.read_text(encoding="utf-8"), str(path)) for name, path in paths.items()}
    homes = {name: _lazy_homes(tree) for name, tree in trees.items() if paths[name].name == "__init__.py"}
    graph: dict[str, set[str]] = {}
    for name, tree in trees.items():
        is_package = paths[name].name == "__init__.py"
        targets: set[str] = set()
        for node in _imports(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:  # relative: from the module's own package, up level - 1 more
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                if f"{base}.{alias.name}" in trees:
                    targets.add(f"{base}.{alias.name}")
                else:
                    targets.add(base)
                    home = homes.get(base, {}).get(alias.name)
                    if home is not None:
                        targets.add(f"{base}.{home}")
        graph[name] = {target for target in targets if target in trees and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules (the first repeated at the end), or [] when there is none."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str]:
        path.append(module)
        on_path.add(module)
        for target in sorted(graph.get(module, ())):
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        on_path.discard(module)
        done.add(module)
        return []

    for module in sorted(graph):
        if module not in done:
            cycle = visit(module)
            if cycle:
                return cycle
    return []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles, each found once more after the last import of the one before was taken away: enough
    to name every import that has to go."""
    remaining = {module: set(targets) for module, targets in graph.items()}
    found = []
    while cycle := find_cycle(remaining):
        found.append(cycle)
        remaining[cycle[-2]].discard(cycle[-1])
    return found


def test_no_import_cycle_in_assessor() -> None:
    graph = import_graph(ROOT, "assessor")
    assert len(graph) > 100  # the whole package was read
    found = cycles(graph)
    assert found == [], "Import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_a_cycle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    """The check can fail: a cycle closed by an import inside a function, or by a lazily exported name, is
    found; one closed only under TYPE_CHECKING is not."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from pkg.lazy import lazy_names\n"
        "_HOMES = {'thing': 'c'}\n"
        "__getattr__, __dir__ = lazy_names(__name__, globals(), _HOMES)\n"
    )
    (package / "lazy.py").write_text("def lazy_names(*args):\n    return None, None\n")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("def late():\n    from pkg.a import something\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.d\n")
    (package / "d.py").write_text("from pkg import thing\n")

    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.d"] == {"pkg", "pkg.c"}  # the lazy name leads to its submodule
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.a"]

    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import x\n"
    )
    assert find_cycle(import_graph(tmp_path, "pkg")) == []

    (package / "c.py").write_text("def late():\n    from . import d\n")  # relative, inside a function
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.c", "pkg.d", "pkg.c"]
