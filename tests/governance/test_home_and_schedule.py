"""Governance reaches people where they start: the home page, the navigation, and beat's schedule."""

import pytest
from django.urls import reverse

from governance.services.needs import vote
from governance.tasks import fold_learning_events
from guild.celery import app
from tests.support.governance import make_need
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_everyone_sees_the_top_needs_on_their_home_page(client, learner, other_learner):
    popular = make_need(other_learner, title="Negotiating renewals")
    make_need(other_learner, title="Writing release notes")
    vote(need=popular, voter=learner)
    client.force_login(make_user())
    html = client.get(reverse("home")).content.decode()
    assert "Top learning needs" in html
    assert html.index("Negotiating renewals") < html.index("Writing release notes")
    assert 'href="/needs/"' in html


def test_the_navigation_shows_each_role_its_governance_pages(client, executive, ld_admin, learner):
    client.force_login(learner)
    html = client.get(reverse("home")).content.decode()
    assert "Learning needs" in html and "L&amp;D dashboard" not in html and "Executive summary" not in html
    client.force_login(executive)
    assert "Executive summary" in client.get(reverse("home")).content.decode()
    client.force_login(ld_admin)
    assert "L&amp;D dashboard" in client.get(reverse("home")).content.decode()


def test_beat_folds_the_event_log_every_minute():
    app.finalize()  # collects every app's beat.py, as `celery beat` does at start
    entry = app.conf.beat_schedule["governance-fold-learning-events"]
    assert entry["task"] == "governance.fold_learning_events" and entry["schedule"] == 60.0

    assert fold_learning_events.name == entry["task"]
