"""Redis stops under a running site: pages still serve, sign-in still works, what a request enqueues
waits in the database, and when Redis is back the worker does it: nothing lost, nothing twice.

Real processes throughout: gunicorn and a Celery worker on the test's own redis-server, the test
database, and a real SMTP server."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.automation.models import EnrolmentRule, RuleRun
from courses.models import Enrolment
from guild.notifications.models import OutboxMessage
from tests.support.automation import open_policy, wait_for
from tests.support.courses import make_course
from tests.support.outages import CeleryWorker, Gunicorn, service_env, sign_in, started, task_sender
from tests.support.people import PASSWORD
from tests.support.services import _database_url_for_tests

pytestmark = pytest.mark.django_db(transaction=True)


def csrf(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def post(web, session, path, data, form_page):
    token = csrf(web.get(form_page, session=session))
    return session.post(web.base_url + path, data={**data, "csrfmiddlewaretoken": token}, timeout=30,
                        allow_redirects=False, headers={"Referer": web.base_url + path})


def assert_each_row_sent_once(smtp_server):
    """Every outbox row reached the SMTP server exactly once (the Message-ID comes from the row's key)."""
    rows = OutboxMessage.objects.all()
    assert set(rows.values_list("status", flat=True)) == {"sent"}
    message_ids = [re.search(rb"(?im)^Message-ID:\s*(\S+)", m.original_content).group(1) for m in smtp_server.messages]
    assert len(message_ids) == len(set(message_ids)) == rows.count(), [m.rcpt_tos for m in smtp_server.messages]


def test_pages_serve_while_redis_is_down_and_the_work_is_done_once_it_is_back(
    own_redis, smtp_server, tmp_path, manager, learner, other_learner, expert, team
):
    open_policy()
    assigned = make_course("Data protection", authors=[expert], lessons=1, quiz=False)
    by_rule = make_course("Incident response", authors=[expert], lessons=1, quiz=False)
    rule = EnrolmentRule.objects.create(name="Everyone in the team", team=team, course=by_rule, due_in_days=14)
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url(),
                      EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}")
    web = Gunicorn(tmp_path, env).start()
    worker = CeleryWorker(tmp_path, env).start()
    with started(web, worker):
        managing = sign_in(web, manager.email, PASSWORD)

        own_redis.stop()

        # Pages that read the cache (Wagtail's site root paths, fragments) still serve.
        for path in ("/", "/team/", "/learning/", "/notifications/", assigned.url):
            assert web.get(path, session=managing).status_code == 200, path
        # Sign-in's rate limit lives in the cache: it fails open, people can still sign in.
        learning = sign_in(web, learner.email, PASSWORD)
        assert web.get(assigned.url, session=learning).status_code == 200

        # A manager assigns a course: the enrolment and its email are in the database; the delivery
        # task could not be sent, and the request does not fail for it.
        due = (timezone.localdate() + timedelta(days=10)).isoformat()
        response = post(web, managing, "/team/", {"course": assigned.pk, "learners": [learner.pk], "due_date": due},
                        form_page="/team/")
        assert response.status_code == 302, response.text[:2000]
        assert Enrolment.objects.filter(learner=learner, course=assigned).exists()
        assert OutboxMessage.objects.filter(recipient=learner, status="queued").count() == 1
        # "Run now" on a rule: no 500; the rule waits for its next scheduled run.
        response = post(web, managing, f"/automation/rules/{rule.pk}/run/", {},
                        form_page=f"/automation/rules/{rule.pk}/")
        assert response.status_code == 302
        assert not RuleRun.objects.exists()
        assert "could not send task" in web.output()

        own_redis.start()  # same port, empty (no persistence): whatever was in flight is gone

        # Beat's next ticks, sent the way beat sends them (by name, through the broker).
        beat = task_sender(own_redis.url())
        beat.send_task("courses.automation.run_rules")
        wait_for(lambda: RuleRun.objects.filter(rule=rule, finished_at__isnull=False).exists(), timeout=120,
                 message="the worker to reconnect and run the rules")
        for _ in range(2):  # two delivery runs: the second finds nothing left to send
            beat.send_task("guild.notifications.deliver_outbox")
        wait_for(lambda: not OutboxMessage.objects.exclude(status="sent").exists()
                 and len(smtp_server.messages) >= OutboxMessage.objects.count(), timeout=120,
                 message="every message to be sent")
        beat.close()

        assert Enrolment.objects.filter(learner=learner, course=by_rule, source="rule").exists()
        assert OutboxMessage.objects.filter(recipient=learner).count() == 2  # the assignment, the rule's enrolment
        assert_each_row_sent_once(smtp_server)
        # Requests enqueue again (the web processes' broker connections recover): a new assignment is
        # delivered without waiting for beat (the other learner's second message, after the rule's).
        failures = web.output().count("could not send task")
        response = post(web, managing, "/team/", {"course": assigned.pk, "learners": [other_learner.pk], "due_date": due},
                        form_page="/team/")
        assert response.status_code == 302
        wait_for(lambda: OutboxMessage.objects.filter(recipient=other_learner, status="sent").count() == 2, timeout=60,
                 message="the new assignment to be delivered")
        assert web.output().count("could not send task") == failures
        assert_each_row_sent_once(smtp_server)
        # And the site is whole again.
        health = web.get("/healthz")
        assert health.status_code == 200, health.text
