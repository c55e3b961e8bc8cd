"""A manager is never shown a link to a page that answers 403. Issue 20, found 6."""

import re

import pytest
from django.urls import reverse

from courses.automation.models import EnrolmentRule
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db

START = ["/", "/team/", "/automation/rules/", "/automation/rules/new/", "/learning/", "/notifications/"]


def links(html):
    return {h for h in re.findall(r'href="(/[^"#?]*)', html) if not h.startswith(("/static/", "/media/"))}


def test_every_link_on_the_managers_pages_opens(client, manager, team):
    course = make_course("Working safely", lessons=1, quiz=False)
    rule = EnrolmentRule.objects.create(name="Newcomers", team=team, course=course, created_by=manager)
    client.force_login(manager)
    pages = START + [reverse("automation:rule_edit", args=[rule.pk])]
    forbidden = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for link in links(response.content.decode()) - {"/accounts/logout/"}:
            status = client.get(link).status_code
            if status == 403:
                forbidden.setdefault(link, url)
    assert forbidden == {}, f"links that answer 403 (link: page showing it): {forbidden}"
