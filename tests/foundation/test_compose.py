from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_web_worker_beat_postgres_and_redis_with_healthchecks():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) >= {"web", "worker", "beat", "postgres", "redis"}
    for name in ("web", "postgres", "redis", "worker"):
        assert "healthcheck" in services[name], name
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and env["REDIS_URL"].startswith("redis://")
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "gunicorn" in " ".join(services["web"]["command"]) and "migrate" in " ".join(services["web"]["command"])
    assert set(compose["volumes"]) >= {"postgres-data", "media"}
    assert (ROOT / "Dockerfile").exists()
