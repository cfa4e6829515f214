"""The layers of gcm_review, read from the import graph with `ast`: no upward import, no cycle.

A package may import its own modules and packages of a lower rank only. The store persists and
imports no stage: only ranks 0-1 and the framework data. Every import counts, those inside functions
and under TYPE_CHECKING too.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import gcm_review

SRC = Path(gcm_review.__file__).parent
ROOT = "gcm_review"

RANKS: dict[str, int] = {
    # 0: the version and the named errors: import nothing of ours
    ROOT: 0,  # gcm_review/__init__.py: the version
    "errors": 0,
    # 1: records, language helpers, logging
    "model": 1,
    "languages": 1,
    "logs": 1,
    # 2: settings and the framework as data
    "settings": 2,
    "frameworks": 2,
    # 3: stages that read documents and text
    "ingest": 3,
    "structure": 3,
    "embed": 3,
    "samples": 3,  # the demo corpus: imports only SAMPLES_MAY_IMPORT
    # 4: tagging, and the store (which imports no stage: see STORE_MAY_IMPORT)
    "tagging": 4,
    "store": 4,
    # 5: stages over tagged paragraphs
    "synthesis": 5,
    "feedback": 5,
    # 6-7: renderers, and the survey analysis that draws with them
    "report": 6,
    "survey": 7,
    # 8: the application layer: stages and the store put together
    "workflows": 8,
    # 9-10: the edges (the CLI starts the web app)
    "web": 9,
    "cli": 10,
}
STORE_MAY_IMPORT = frozenset({ROOT, "errors", "model", "languages", "logs", "frameworks"})
SAMPLES_MAY_IMPORT = frozenset({"frameworks", "model", "errors"})
# (importing module, imported module) pairs allowed for now, each with the reason.
TEMPORARY: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    """One import of a gcm_review module by another."""

    importer: str  # module name, "gcm_review.store.search"
    imported: str  # the module it reaches, "gcm_review.embed"
    line: int
    text: str  # the statement as written

    def where(self) -> str:
        return f"{self.importer} (line {self.line}): `{self.text}`"


def package_of(module: str) -> str:
    """The top-level package (or module) of gcm_review a module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def module_names(src: Path = SRC) -> dict[str, Path]:
    """Every module under src by dotted name (a package by the name of its __init__)."""
    names: dict[str, Path] = {}
    for path in sorted(src.rglob("*.py")):
        parts = [ROOT, *path.relative_to(src).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _resolve(name: str, known: Iterable[str]) -> str | None:
    """The longest known module that `name` is, or lies in."""
    known_set = set(known)
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known_set:
            return candidate
        parts.pop()
    return None


def imports_of(module: str, source: str, known: Iterable[str], *, package: bool) -> list[Import]:
    """The gcm_review modules that a module's source imports (relative imports resolved)."""
    known_set = set(known)
    found: dict[tuple[str, int], Import] = {}
    for node in ast.walk(ast.parse(source)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            if not (target == ROOT or target.startswith(ROOT + ".")):
                continue
            resolved = _resolve(target, known_set)
            if resolved is not None and resolved != module:
                text = ast.get_source_segment(source, node) or ""
                found[(resolved, node.lineno)] = Import(
                    module, resolved, node.lineno, " ".join(text.split())
                )
    return list(found.values())


def import_graph(sources: Mapping[str, tuple[str, bool]]) -> list[Import]:
    """Every import between the given modules: name -> (source, is a package)."""
    return [
        found
        for module, (source, package) in sorted(sources.items())
        for found in imports_of(module, source, sources, package=package)
    ]


def layer_violations(imports: Iterable[Import]) -> list[str]:
    """A line per import that goes up (or sideways) a layer, or past what store or samples use."""
    problems = []
    for found in imports:
        own, other = package_of(found.importer), package_of(found.imported)
        if own == other or TEMPORARY.get((found.importer, found.imported)):
            continue
        if own not in RANKS or other not in RANKS:
            unranked = own if own not in RANKS else other
            problems.append(f"{found.where()}: package {unranked!r} has no rank in RANKS")
        elif own == "store" and other not in STORE_MAY_IMPORT:
            problems.append(
                f"{found.where()}: the store imports no stage, only {sorted(STORE_MAY_IMPORT)}"
            )
        elif own == "samples" and other not in SAMPLES_MAY_IMPORT:
            problems.append(f"{found.where()}: samples may import {sorted(SAMPLES_MAY_IMPORT)}")
        elif RANKS[other] >= RANKS[own]:
            problems.append(
                f"{found.where()}: {own} (rank {RANKS[own]}) may not import "
                f"{other} (rank {RANKS[other]})"
            )
    return problems


def cycles(imports: Iterable[Import]) -> list[list[str]]:
    """Import cycles (strongly connected components) that span modules of several packages."""
    edges: dict[str, set[str]] = defaultdict(set)
    for found in imports:
        edges[found.importer].add(found.imported)
    return [
        component
        for component in _components(edges)
        if len({package_of(module) for module in component}) > 1
    ]


def _components(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module (iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    nodes = sorted(set(edges) | {m for targets in edges.values() for m in targets})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _real_graph() -> list[Import]:
    names = module_names()
    return import_graph(
        {
            name: (path.read_text(encoding="utf-8"), path.name == "__init__.py")
            for name, path in names.items()
        }
    )


# --- the real tree ------------------------------------------------------------------------------


def test_every_package_has_a_rank() -> None:
    packages = {package_of(name) for name in module_names()}
    assert packages - set(RANKS) == set()


def test_no_import_goes_up_a_layer() -> None:
    problems = layer_violations(_real_graph())
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_no_import_cycle_between_packages() -> None:
    found = cycles(_real_graph())
    assert not found, "import cycles across packages:\n" + "\n".join(
        " <-> ".join(component) for component in found
    )


def test_temporary_exceptions_are_still_needed() -> None:
    used = {(found.importer, found.imported) for found in _real_graph()}
    assert set(TEMPORARY) <= used, f"drop from TEMPORARY: {sorted(set(TEMPORARY) - used)}"


# --- the checker itself ---------------------------------------------------------------------------


def _graph(sources: Mapping[str, str]) -> list[Import]:
    return import_graph({name: (text, False) for name, text in sources.items()})


def test_an_upward_import_is_named_with_its_module_and_line() -> None:
    graph = _graph(
        {
            "gcm_review.store.search": "import os\n\nfrom gcm_review.embed import Embedder\n",
            "gcm_review.embed": "",
        }
    )
    [problem] = layer_violations(graph)
    assert problem.startswith(
        "gcm_review.store.search (line 3): `from gcm_review.embed import Embedder`"
    )
    assert "the store imports no stage" in problem


def test_a_lower_layer_may_not_import_a_higher_one_even_lazily() -> None:
    graph = _graph(
        {
            "gcm_review.tagging.run": "def f():\n    import gcm_review.workflows.tagging\n",
            "gcm_review.workflows.tagging": "",
        }
    )
    [problem] = layer_violations(graph)
    assert "tagging (rank 4) may not import workflows (rank 8)" in problem


def test_a_cycle_across_packages_is_found_but_not_one_inside_a_package() -> None:
    graph = _graph(
        {
            "gcm_review.store.feedback": "from gcm_review.feedback.examples import x\n",
            "gcm_review.feedback.examples": "from gcm_review.store import feedback\n",
            "gcm_review.store": "",
            "gcm_review.web.a": "from gcm_review.web import b\n",
            "gcm_review.web.b": "from gcm_review.web.a import c\n",
        }
    )
    assert cycles(graph) == [["gcm_review.feedback.examples", "gcm_review.store.feedback"]]


def test_relative_imports_are_resolved() -> None:
    [found] = imports_of(
        "gcm_review.store.search",
        "from ..embed import base\n",
        ["gcm_review.store.search", "gcm_review.embed", "gcm_review.embed.base"],
        package=False,
    )
    assert found.imported == "gcm_review.embed.base"
