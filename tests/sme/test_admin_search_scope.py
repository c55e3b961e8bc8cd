"""In the Wagtail admin's page search and page chooser, experts find their own courses only."""

import pytest
from django.urls import reverse

from tests.support.courses import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalogue, expert, other_expert):
    mine = make_course("Pivot tables for finance", authors=[expert], lessons=1, publish=False)
    theirs = make_course("Pivot tables for sales", authors=[other_expert], lessons=1, publish=False)
    return mine, theirs


def search(client, query):
    response = client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_an_expert_finds_their_own_course_but_not_another_experts(client, expert, courses):
    client.force_login(expert)
    html = search(client, "Pivot tables")
    assert "Pivot tables for finance" in html
    assert "Pivot tables for sales" not in html


def test_an_ld_admin_finds_every_course(client, ld_admin, courses):
    client.force_login(ld_admin)
    html = search(client, "Pivot tables")
    assert "Pivot tables for finance" in html and "Pivot tables for sales" in html


def test_the_page_chooser_lists_only_my_courses_under_the_catalogue(client, expert, catalogue, courses):
    client.force_login(expert)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[catalogue.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pivot tables for finance" in html and "Pivot tables for sales" not in html
