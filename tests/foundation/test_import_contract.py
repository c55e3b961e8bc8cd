"""The layers hold: `lint-imports` passes on the repository and fails when a platform module
imports a feature app (checked on a copy of the sources, so the repository is never touched)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["platform/guild", "courses", "sme", "governance", "rewards", "tests"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path):
    # The copy comes first on the path, ahead of the editable install of the repository.
    env = {**os.environ, "PYTHONPATH": f"{where}{os.pathsep}{where / 'platform'}"}
    return subprocess.run(  # noqa: S603
        [str(LINT_IMPORTS), "--no-cache"], cwd=where, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_sources(tmp_path: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "static", "templates", "locale", "*.html", "*.po", "*.mo")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_import_contracts_hold_on_the_repository(tmp_path):
    result = lint_imports(copy_sources(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_platform_module_that_imports_a_feature_breaks_the_contract(tmp_path):
    where = copy_sources(tmp_path)
    (where / "platform" / "guild" / "core" / "shortcut.py").write_text("from courses.models import CoursePage\n")
    result = lint_imports(where)
    assert result.returncode == 1
    assert "The platform imports no feature app BROKEN" in result.stdout
    assert "guild.core.shortcut -> courses.models" in result.stdout


def test_an_inline_import_from_a_lower_feature_to_a_higher_one_breaks_the_layers(tmp_path):
    # Hiding the import inside a function does not hide it from the contract.
    where = copy_sources(tmp_path)
    (where / "courses" / "shortcut.py").write_text(
        "def expert_profile_model():\n    from sme.models import ExpertProfile\n\n    return ExpertProfile\n"
    )
    result = lint_imports(where)
    assert result.returncode == 1
    assert "courses is not allowed to import sme" in result.stdout
