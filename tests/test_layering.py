"""Dependencies run one way: values -> rule files -> rulebook -> plan -> match -> decide -> pipeline.

The core modules import each other at module level only (no function-level import dodging a
circle), and a lower layer never imports a higher one.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# lowest first; a module may import only modules before it in this list
LAYERS = (
    "cleaner.model",
    "cleaner.text",
    "cleaner.sites",
    "cleaner.selectors",
    "cleaner.config",
    "cleaner.rulebook",
    "cleaner.plan",
    "cleaner.match",
    "cleaner.decide",
)
# modules that must not import cleaner modules inside functions (heavy third-party imports may be lazy)
NO_LAZY = LAYERS + ("cleaner.html.matcher", "cleaner.html.rules", "cleaner.html.page", "cleaner.ruletest")


def _path(module: str) -> Path:
    return ROOT / (module.replace(".", "/") + ".py")


def _imports(module: str) -> tuple[set[str], set[str]]:
    """(module-level, function-level) imports of cleaner modules."""
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    top: set[str] = set()
    lazy: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleaner"):
            names = {node.module}
        elif isinstance(node, ast.Import):
            names = {a.name for a in node.names if a.name.startswith("cleaner")}
        else:
            continue
        (top if node.col_offset == 0 else lazy).update(names)
    return top, lazy


@pytest.mark.parametrize("module", NO_LAZY)
def test_no_function_level_imports_of_cleaner_modules(module):
    lazy = _imports(module)[1]
    # ruletest imports the HTML stage lazily so that text-only use never loads lxml
    allowed = {"cleaner.html.rules"} if module == "cleaner.ruletest" else set()
    assert lazy <= allowed, f"{module} imports {sorted(lazy - allowed)} inside a function"


@pytest.mark.parametrize("module", LAYERS)
def test_lower_layers_never_import_higher_ones(module):
    higher = set(LAYERS[LAYERS.index(module) + 1 :])
    top, lazy = _imports(module)
    assert not (top | lazy) & higher, f"{module} imports {sorted((top | lazy) & higher)}"


def test_rulebook_loads_without_the_html_stage():
    code = (
        "import sys, cleaner.rulebook as r; r.load_rulebook(r.Config());"
        "print(sorted(m for m in sys.modules if m.startswith(('cleaner.html', 'trafilatura'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
