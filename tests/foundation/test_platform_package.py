import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_repository_has_no_platform_package():
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_import_platform_is_the_standard_library_inside_the_running_app():
    import platform

    import django.conf

    assert django.conf.settings.INSTALLED_APPS  # the app is configured and loaded
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    assert Path(platform.__file__).resolve().parent == stdlib
    assert platform.python_version().startswith("3.")


def test_import_platform_is_the_standard_library_from_the_repository_root():
    # Django is set up from the repository root, where a platform/ folder sits beside manage.py.
    code = "import django; django.setup(); import platform, uuid; print(platform.__file__)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "guild.settings.test"}
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert "site-packages" not in out and not out.startswith(str(ROOT / "platform"))
