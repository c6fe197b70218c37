"""The import contracts of pyproject.toml hold (import-linter), so the layering cannot rot silently."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_the_import_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _lint_with_probe(app, source):
    """lint-imports run with one planted module in `app`, removed afterwards."""
    probe = Path(settings.BASE_DIR) / app / "_contract_probe.py"
    probe.write_text(source)
    try:
        lint_imports = Path(sys.executable).with_name("lint-imports")
        return subprocess.run(
            [str(lint_imports), "--no-cache"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
        )
    finally:
        probe.unlink()


def test_a_contract_breaks_when_core_imports_a_domain_app():
    """The check is real: core importing pilots is reported as a broken contract."""
    result = _lint_with_probe("core", "import pilots.services  # noqa: F401\n")
    assert result.returncode != 0 and "BROKEN" in result.stdout


def test_a_floor_that_imports_a_floor_above_it_breaks_the_layers():
    """programmes (the ground) importing pilots is reported: the layers contract is real too."""
    result = _lint_with_probe("programmes", "import pilots.models  # noqa: F401\n")
    assert result.returncode != 0
    assert "each floor imports only the floors below it" in result.stdout and "BROKEN" in result.stdout


def _cycles(imports):
    """The groups of modules that import each other, directly or around a circle (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in imports.get(module, ()):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in list(imports):
        if module not in index:
            visit(module)
    return found


def _root_packages():
    import tomllib

    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["tool"]["importlinter"]["root_packages"]


APPS = _root_packages()  # every app of ours, as import-linter knows them


def test_no_two_modules_import_each_other():
    import grimp

    graph = grimp.build_graph(*APPS)
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    assert _cycles(imports) == []
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]  # the check is real


def _late_imports(source):
    """Imports of the project's own modules written inside a function (AppConfig.ready excepted)."""
    import ast

    late = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.name == "ready":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["."]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(name == "." or name.split(".")[0] in APPS for name in names):
                late.append(f"{function.name}: line {node.lineno}")
    return late


def test_no_import_of_our_own_modules_hides_inside_a_function():
    """A function-level import is how a cycle is hidden; the apps import at the top, AppConfig.ready aside."""
    found = {}
    for app in APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "migrations" not in path.parts:
                late = _late_imports(path.read_text())
                if late:
                    found[str(path.relative_to(settings.BASE_DIR))] = late
    assert found == {}
    assert _late_imports("def f():\n    from .models import Pilot\n") == ["f: line 2"]  # the check is real
