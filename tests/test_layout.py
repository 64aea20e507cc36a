"""The layout of the tests: no test module imports from another; what several of them share is
in tests/support/ (builders) or tests/conftest.py (fixtures)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def imported(source: str, module: str) -> set[str]:
    """The absolute names of the modules and names that ``source`` (the module ``module``, e.g.
    ``tests.support.cli``) imports; relative imports are resolved."""
    package = module.split(".")[:-1]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            names.add(origin)
            names |= {f"{origin}.{alias.name}" for alias in node.names}
    return names


def is_test_module(name: str) -> bool:
    """``tests.test_x`` (or ``test_x`` itself, as it would be found on tests/ on the path)."""
    parts = name.split(".")
    return parts[0].startswith("test_") or (
        len(parts) > 1 and parts[0] == "tests" and parts[1].startswith("test_"))


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)


@pytest.mark.parametrize("line, module", [
    ("from tests.test_cli import run", "tests.test_report"),
    ("import tests.test_engine", "tests.test_report"),
    ("from tests import test_engine", "tests.test_report"),
    ("from .test_engine import centre", "tests.test_report"),
    ("from . import test_engine", "tests.test_report"),
    ("from ..test_engine import centre", "tests.support.models"),
    ("from test_engine import centre", "tests.test_report"),
])
def test_every_form_of_import_is_seen(line, module):
    assert any(is_test_module(name) for name in imported(line, module))


@pytest.mark.parametrize("line, module", [
    ("from tests.support.cli import run", "tests.test_report"),
    ("from .support import app_pages", "tests.test_report"),
    ("from tests.conftest import SHARED", "tests.test_report"),
    ("from dossierflow.simulation import testing", "tests.test_report"),
])
def test_support_and_conftest_are_allowed(line, module):
    assert not any(is_test_module(name) for name in imported(line, module))


def test_no_test_module_imports_another():
    offences = {}
    for path in sorted(TESTS.rglob("*.py")):
        module = module_name(path)
        wrong = sorted(name for name in imported(path.read_text(encoding="utf-8"), module)
                       if is_test_module(name))
        if wrong:
            offences[module] = wrong
    assert not offences, ("test modules import from other test modules; move what they share "
                          f"to tests/support/ or tests/conftest.py: {offences}")
