"""The deployment files (docker-compose.yml, Dockerfile, .dockerignore) say what docs/deployment.md says.
No Docker engine runs in CI: tests/production/ runs the same steps directly."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GUILD_SERVICES = ("migrate", "web", "worker", "worker-email", "worker-sweeps", "beat")
QUEUES = {"worker": "default", "worker-email": "email", "worker-sweeps": "sweeps"}


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _cmd(service):
    command = service["command"]
    return command if isinstance(command, list) else command.split()


def test_compose_runs_every_process_from_one_image_in_production():
    services = _compose()["services"]
    assert set(services) >= {*GUILD_SERVICES, "postgres", "redis"}
    images = {services[name]["image"] for name in GUILD_SERVICES}
    assert len(images) == 1, images
    for name in GUILD_SERVICES:
        env = services[name]["environment"]
        assert env["DJANGO_ENV"] == "production", name
        assert env["DATABASE_URL"].startswith("postgres://") and env["REDIS_URL"].startswith("redis://"), name
        assert "media:/data/media" in services[name]["volumes"] and env["MEDIA_ROOT"] == "/data/media", name
    assert set(_compose()["volumes"]) >= {"postgres-data", "redis-data", "media"}


def test_a_one_shot_migrate_runs_before_web_workers_and_beat():
    services = _compose()["services"]
    migrate = services["migrate"]
    assert _cmd(migrate)[-3:] == ["manage.py", "migrate", "--no-input"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in GUILD_SERVICES[1:]:
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["postgres"]["condition"] == depends["redis"]["condition"] == "service_healthy", name
        assert "migrate" not in _cmd(services[name]), f"{name} must not migrate: scaled copies would race"
    assert _cmd(services["web"])[0] == "gunicorn"


def test_every_long_running_service_has_a_healthcheck():
    services = _compose()["services"]
    for name in (*GUILD_SERVICES[1:], "postgres", "redis"):
        assert services[name]["healthcheck"]["test"], name
    web = " ".join(services["web"]["healthcheck"]["test"])
    assert "/healthz" in web and "/accounts/login/" in web  # a rendered page: templates and static manifest
    assert (ROOT / "platform/scripts/http_check.py").is_file()
    assert "check_beat" in services["beat"]["healthcheck"]["test"]
    assert (ROOT / "platform/guild/core/management/commands/check_beat.py").is_file()


def test_a_worker_per_queue_each_pinged_by_its_own_node_name():
    services = _compose()["services"]
    for name, queue in QUEUES.items():
        command = _cmd(services[name])
        assert command[command.index("-Q") + 1] == queue, name
        node = command[command.index("-n") + 1]
        assert node == f"{queue}@%h", name
        ping = services[name]["healthcheck"]["test"]
        assert "ping" in ping and ping[ping.index("-d") + 1] == f"{queue}@$$HOSTNAME", name
    assert "deploy" not in services["beat"]  # exactly one beat


def test_email_goes_to_a_relay_the_operator_names():
    services = _compose()["services"]
    email_url = services["web"]["environment"]["EMAIL_URL"]
    assert email_url.startswith("${EMAIL_URL:?"), "EMAIL_URL is required; there is no `mail` service to default to"
    assert services["mailpit"]["profiles"] == ["mailpit"]  # the trial catcher never starts by default


def test_the_image_collects_static_with_the_shared_production_script_and_installs_s3():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "platform/scripts/build-static.sh" in dockerfile
    assert "DJANGO_ENV=development" not in dockerfile and "collectstatic" not in dockerfile
    syncs = [line for line in dockerfile.splitlines() if "uv sync" in line]
    assert syncs and all("--extra s3" in line and "--no-dev" in line for line in syncs)
    assert "USER guild" in dockerfile


def test_secrets_history_and_local_state_stay_out_of_the_image():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".env", ".git", "var", ".venv", ".tools"} <= ignored
    assert "**/__pycache__" in ignored and ".pytest_cache" in ignored
