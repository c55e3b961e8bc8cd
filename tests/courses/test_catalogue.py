"""The catalogue: search ranked by relevance, filters, sorting and pagination."""

import re

import pytest

from courses.selectors import CATALOGUE_PAGE_SIZE
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def titles(response):
    return [c.title for c in response.context["page_obj"].object_list]


def test_search_ranks_a_title_match_above_a_passing_mention(client, learner):
    make_course("Customer interviews", summary="Talk to customers; a little SQL at the end.")
    make_course("SQL for analysts", summary="Joins, grouping and window functions.", skills=["SQL"])
    make_course("Negotiation", summary="Getting to yes.")
    client.force_login(learner)
    found = titles(client.get("/courses/?q=sql"))
    assert found[0] == "SQL for analysts" and "Negotiation" not in found


def test_filters_by_skill_level_and_duration(client, learner):
    # Without lessons, a course's duration is its own estimate (with lessons, theirs: test_learning_flow).
    make_course("Short SQL", skills=["SQL"], level="beginner", estimated_minutes=20, lessons=0)
    make_course("Long SQL", skills=["SQL"], level="advanced", estimated_minutes=240, lessons=0)
    make_course("Short coaching", skills=["Coaching"], level="beginner", estimated_minutes=20, lessons=0)
    client.force_login(learner)
    assert sorted(titles(client.get("/courses/?skill=sql"))) == ["Long SQL", "Short SQL"]
    assert titles(client.get("/courses/?skill=sql&level=advanced")) == ["Long SQL"]
    assert sorted(titles(client.get("/courses/?duration=short"))) == ["Short SQL", "Short coaching"]
    assert titles(client.get("/courses/?q=sql&duration=long")) == ["Long SQL"]
    assert titles(client.get("/courses/?level=nonsense&duration=forever")) != []  # unknown values are ignored


def test_sorts_by_newest_and_by_most_popular(client, learner):
    popular = make_course("Popular", lessons=0)
    make_course("Newest", lessons=0)
    for _ in range(2):
        enrol(make_user(), popular)
    client.force_login(learner)
    assert titles(client.get("/courses/"))[0] == "Newest"
    assert titles(client.get("/courses/?sort=popular"))[0] == "Popular"
    assert titles(client.get("/courses/?q=popular&sort=popular"))[0] == "Popular"


def test_paginates_and_keeps_the_filters_in_page_links(client, learner):
    for i in range(CATALOGUE_PAGE_SIZE + 2):
        make_course(f"Data course {i}", skills=["Data"], lessons=0)
    client.force_login(learner)
    first = client.get("/courses/?skill=data")
    assert len(titles(first)) == CATALOGUE_PAGE_SIZE
    next_link = re.search(r'rel="next" href="([^"]+)"', first.content.decode()).group(1)
    assert "skill=data" in next_link and next_link.endswith("page=2")
    assert len(titles(client.get("/courses/?skill=data&page=2"))) == 2


def test_an_empty_result_says_what_to_do(client, learner):
    make_course("SQL for analysts", lessons=0)
    client.force_login(learner)
    assert "Try fewer words" in client.get("/courses/?q=zebra").content.decode()


def test_the_navigation_links_courses_and_my_learning(client, learner):
    client.force_login(learner)
    html = client.get("/").content.decode()
    assert 'href="/courses/"' in html and 'href="/learning/"' in html
