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


def test_a_contract_breaks_when_core_imports_a_domain_app(tmp_path):
    """The check is real: core importing pilots is reported as a broken contract."""
    probe = Path(settings.BASE_DIR) / "core" / "_contract_probe.py"
    probe.write_text("import pilots.services  # noqa: F401\n")
    try:
        lint_imports = Path(sys.executable).with_name("lint-imports")
        result = subprocess.run(
            [str(lint_imports), "--no-cache"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
        )
    finally:
        probe.unlink()
    assert result.returncode != 0 and "BROKEN" in result.stdout
