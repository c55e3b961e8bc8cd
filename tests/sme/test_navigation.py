"""The directory is for everyone; the workspace and review queue show for the roles that use them."""

import pytest

pytestmark = pytest.mark.django_db


def nav_labels(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.text


def test_a_learner_sees_the_directory_but_not_the_workspace(client, learner):
    client.force_login(learner)
    text = nav_labels(client)
    assert 'href="/experts/"' in text and 'href="/sme/"' not in text and 'href="/reviews/"' not in text


def test_an_expert_sees_the_workspace_and_a_home_panel(client, expert):
    client.force_login(expert)
    text = nav_labels(client)
    assert 'href="/sme/"' in text and "Authoring and review" in text


def test_a_reviewer_sees_the_review_queue(client, reviewer):
    client.force_login(reviewer)
    assert 'href="/reviews/"' in nav_labels(client)
