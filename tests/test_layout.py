"""The layout holds. The code: one namespace, layers that only look down, no private name
borrowed across packages, packages the wheel knows about, modules of a readable size. The
tests: no test module imports from another; what several of them share is in tests/support/
(builders) or tests/conftest.py (fixtures)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
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


# -- the code -------------------------------------------------------------------------------

ROOT = TESTS.parent
FOLDERS = {"mining": "dossierflow.mining", "simulation": "dossierflow.simulation",
           "app": "dossierflow.app"}
# layers: a package may import from those listed after it, never from those before
LAYERS = ["dossierflow.app", "dossierflow.simulation", "dossierflow.mining"]
MAX_LINES = 800


def _modules() -> dict[Path, str]:
    """Every module of the three folders with its dotted name."""
    found = {}
    for folder, dotted in FOLDERS.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[path] = ".".join([dotted, *parts])
    return found


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rsplit(".", 1)[0]


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name, []) for a in node.names)
    return found


MODULES = _modules()


def test_code_imports_the_project_through_its_namespace():
    wrong = [f"{p.relative_to(ROOT)}:{line} imports {module}"
             for p in [*MODULES, *(ROOT / "tests").rglob("*.py"), ROOT / "streamlit_app.py"]
             for line, module, _ in _imports(p) if module.split(".")[0] in FOLDERS]
    assert not wrong, "import dossierflow.<folder>, not the folder:\n" + "\n".join(wrong)


def test_layers_only_import_downwards():
    wrong = []
    for path, module in MODULES.items():
        layer = next(x for x in LAYERS if module.startswith(x))
        above = LAYERS[:LAYERS.index(layer)]
        wrong += [f"{path.relative_to(ROOT)}:{line} imports {imported}"
                  for line, imported, _ in _imports(path)
                  if any(imported.startswith(x) for x in above)]
    assert not wrong, "\n".join(wrong)


def test_no_private_name_is_imported_from_another_package():
    known = set(MODULES.values())
    packages = {m: _package(m, p) for p, m in MODULES.items()}
    outside = [(p, None) for p in (ROOT / "tests").rglob("*.py")]
    wrong = []
    for path, module in [*MODULES.items(), *outside]:
        here = packages.get(module)
        for line, imported, names in _imports(path):
            if imported not in known:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and packages[imported] != here:
                wrong.append(f"{path.relative_to(ROOT)}:{line} {imported} {private}")
    assert not wrong, "make the name public or move it:\n" + "\n".join(wrong)


def test_every_package_is_in_the_distribution():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    packages = {m for p, m in MODULES.items() if p.name == "__init__.py"}
    assert packages == listed


def test_modules_stay_readable():
    long = {str(p.relative_to(ROOT)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split modules over {MAX_LINES} lines: {long}"


@pytest.mark.parametrize(("statement", "works"), [
    ("import dossierflow.mining, dossierflow.simulation", True),
    ("import mining", False),
    ("import app", False),
])
def test_only_the_namespace_is_installed(statement, works, tmp_path):
    done = subprocess.run([sys.executable, "-c", statement], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode == 0) == works, done.stderr[-2000:]
