"""`make demo` on a fresh machine: the embedded defaults (SQLite, the file broker, no Redis) migrate,
seed the demo company and serve its pages. The rest of the suite runs on PostgreSQL, so without this
test a PostgreSQL-only field in a migration breaks the demo unnoticed (it did: an ArrayField)."""

import os
import subprocess
import sys

from tests.support.services import ROOT

# What the demo's first pages show, read through Django's test client in the demo's own process.
PAGES = """
from django.test import Client
client = Client()
assert client.login(email="learner@example.com", password="guild-demo"), "the demo learner cannot sign in"
for path in ("/", "/courses/", "/learning/"):
    response = client.get(path, HTTP_HOST="127.0.0.1")
    print(path, response.status_code, len(response.content))
    assert response.status_code == 200, (path, response.status_code)
"""


def _manage(env, *args, timeout=600):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_the_demo_migrates_seeds_and_serves_on_its_embedded_defaults(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ENV", "EMAIL_URL",
                          "CELERY_BROKER_URL", "PYTEST_XDIST_WORKER"}}
    env.update(GUILD_VAR_DIR=str(tmp_path), PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'platform'}")

    for step in (("migrate", "--no-input", "-v0"), ("seed_demo",)):
        done = _manage(env, *step)
        assert done.returncode == 0, f"manage.py {' '.join(step)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    assert (tmp_path / "guild.sqlite3").stat().st_size > 0  # the embedded database, not a server

    served = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + PAGES], cwd=ROOT,
                            env=env | {"DJANGO_SETTINGS_MODULE": "guild.settings"}, capture_output=True, text=True,
                            timeout=300)
    assert served.returncode == 0, served.stdout + served.stderr[-4000:]
    assert served.stdout.count(" 200 ") == 3
