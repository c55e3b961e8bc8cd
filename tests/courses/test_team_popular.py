"""“Popular in your team”: what teammates take most, never what the learner already takes, never drafts."""

import pytest

from courses.selectors import team_popular_for
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_it_ranks_courses_by_how_many_teammates_take_them(learner, team):
    sql, feedback, privacy, mine = (make_course(t, lessons=0) for t in ("SQL", "Feedback", "Privacy", "Mine"))
    draft = make_course("Unpublished", lessons=0, publish=False)
    outsider = make_user()  # another team: does not count
    for _ in range(3):
        enrol(outsider, privacy)
    peers = [make_user(team=team) for _ in range(3)]
    for peer in peers:
        enrol(peer, sql)
        enrol(peer, mine)
    enrol(peers[0], feedback)
    enrol(peers[0], privacy)
    enrol(learner, mine)
    from courses.models import Enrolment

    for peer in peers:  # a course unpublished after people enrolled
        Enrolment.objects.create(learner=peer, course=draft)
    popular = team_popular_for(user=learner)
    assert [c.title for c in popular] == ["SQL", "Feedback", "Privacy"]  # ties in title order
    assert popular[0].team_enrolments == 3
    assert draft not in popular and mine not in popular
    assert [c.title for c in team_popular_for(user=learner, exclude={sql.pk}, limit=1)] == ["Feedback"]


def test_a_person_without_a_team_gets_no_team_suggestions():
    assert team_popular_for(user=make_user()) == []
