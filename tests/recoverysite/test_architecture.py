"""The code keeps the app map of docs/architecture.md: imports run one way."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "docs" / "architecture.md"
# The project's root URLs and settings name every app, by design.
COMPOSERS = {"recoverysite/urls.py", "recoverysite/settings.py"}


def documented_map():
    """{app: set of apps it may import}, from the table in docs/architecture.md."""
    allowed = {}
    for line in MAP.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"`\w+`", cells[0]):
            allowed[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[2]))
    return allowed


APPS = documented_map()


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(path):
    """
    What a file imports, as absolute dotted names: "a.b" for ``import a.b``,
    "a.b.c" for ``from a.b import c`` (c may be a module or a name in a.b).
    """
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            yield from (f"{base}.{alias.name}" for alias in node.names)


def test_the_map_lists_every_app_of_the_project():
    own = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    }
    assert set(APPS) == own


def test_the_map_itself_has_no_circle():
    done, visiting = set(), set()

    def visit(app, trail):
        assert app not in visiting, f"circle in the map: {' -> '.join(trail)}"
        if app in done:
            return
        visiting.add(app)
        for other in APPS[app]:
            visit(other, [*trail, other])
        visiting.discard(app)
        done.add(app)

    for app in APPS:
        visit(app, [app])


@pytest.mark.parametrize("app", sorted(APPS))
def test_app_imports_only_what_the_map_allows(app):
    wrong = []
    for path in modules(app):
        if str(path.relative_to(ROOT)) in COMPOSERS:
            continue
        for name in imported_modules(path):
            other = name.split(".")[0]
            if other in APPS and other != app and other not in APPS[app]:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_no_app_imports_the_importer_or_the_demo():
    for app, allowed in APPS.items():
        assert not allowed & {"wordpress", "demo"}, app


def test_no_module_imports_itself_back_through_others():
    graph = {}
    for app in APPS:
        for path in modules(app):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            name = name.removesuffix(".__init__")
            graph[name] = set(imported_modules(path))
    # An import of "a.b.c" reaches the module a.b.c, or a.b when c is a name in it.
    for name, imported in graph.items():
        graph[name] = {
            target if target in graph else target.rpartition(".")[0]
            for target in imported
        } & set(graph)
    done, trail = set(), []

    def visit(module):
        assert module not in trail, "circle: " + " -> ".join(
            [*trail[trail.index(module) :], module]
        )
        if module in done:
            return
        trail.append(module)
        for target in graph[module]:
            visit(target)
        trail.pop()
        done.add(module)

    for module in graph:
        visit(module)
