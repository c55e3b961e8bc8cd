"""A real task through the real broker to a real worker process."""

import json
import time

import pytest
from django.urls import reverse

from guild.core.models import Heartbeat
from guild.core.tasks import heartbeat

pytestmark = pytest.mark.integration


def _wait_for(predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_a_task_sent_through_the_broker_runs_on_the_worker(celery_worker):
    heartbeat.delay(name="integration")
    assert _wait_for(lambda: Heartbeat.objects.filter(name="integration").exists()), celery_worker.output()
    assert Heartbeat.objects.get(name="integration").hostname.startswith("test-")


def test_healthz_is_200_when_database_broker_and_worker_are_up(client, celery_worker):
    response = client.get(reverse("healthz"))
    data = json.loads(response.content)
    assert response.status_code == 200, data
    assert data["checks"]["database"]["ok"] and data["checks"]["broker"]["ok"] and data["checks"]["worker"]["ok"]


@pytest.mark.django_db
def test_healthz_is_503_when_no_worker_answers(client):
    from guild.celery import app

    assert not app.control.ping(timeout=0.5), "a worker from elsewhere is listening on this broker"
    response = client.get(reverse("healthz"))
    data = json.loads(response.content)
    assert response.status_code == 503
    assert data["checks"]["database"]["ok"] and not data["checks"]["worker"]["ok"]
