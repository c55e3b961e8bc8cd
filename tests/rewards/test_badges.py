import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from guild.notifications.models import Notification
from guild.skills.models import PersonSkill
from rewards.badges import award_top_contributor_badges
from rewards.models import Badge, BadgeAward, Criterion, Reason
from rewards.services import award_points
from tests.support.courses import complete_course_for, make_course, make_path, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def make_badge(**fields):
    fields.setdefault("name", f"Badge {Badge.objects.count() + 1}")
    fields.setdefault("slug", fields["name"].lower().replace(" ", "-"))
    fields.setdefault("description", "For doing the thing.")
    return Badge.objects.create(**fields)


def answer(person, n, **kw):
    return award_points(person=person, reason=Reason.QUESTION_ANSWERED, source=("tests.question", n), points=15, **kw)


def test_a_badge_is_awarded_when_its_count_is_reached_and_the_person_is_told(expert):
    badge = make_badge(name="Helper", criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=3)

    answer(expert, 1)
    answer(expert, 2)
    assert not BadgeAward.objects.filter(person=expert).exists()
    answer(expert, 3)
    answer(expert, 4)

    assert BadgeAward.objects.filter(person=expert, badge=badge).count() == 1
    note = Notification.objects.get(recipient=expert, kind="rewards.badge")
    assert "Helper" in note.title


def test_events_outside_the_period_do_not_count(expert):
    make_badge(criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=2, period_days=7)
    long_ago = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

    answer(expert, 1, when=long_ago)
    answer(expert, 2)

    assert not BadgeAward.objects.filter(person=expert).exists()


def test_an_inactive_badge_is_not_awarded(expert):
    make_badge(criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=1, is_active=False)

    answer(expert, 1)

    assert not BadgeAward.objects.exists()


def test_completing_a_course_and_a_path_earn_their_badges(learner, expert, on_commit):
    first = make_course("SQL 1", authors=[expert], lessons=1)
    second = make_course("SQL 2", authors=[expert], lessons=1)
    path = make_path("Analyst", courses=[first, second])
    course_badge = make_badge(name="SQL starter", criterion=Criterion.COURSE, course=first)
    path_badge = make_badge(name="Analyst", criterion=Criterion.PATH, path=path)

    on_commit(complete_course_for, learner, first)
    assert set(BadgeAward.objects.filter(person=learner).values_list("badge", flat=True)) == {course_badge.pk}

    on_commit(complete_course_for, learner, second)
    assert set(BadgeAward.objects.filter(person=learner).values_list("badge", flat=True)) == {course_badge.pk, path_badge.pk}


def test_reaching_a_skill_level_earns_its_badge(learner):
    skill = make_skill("SQL")
    badge = make_badge(name="SQL proficient", criterion=Criterion.SKILL_LEVEL, skill=skill, skill_level=3)

    held = PersonSkill.objects.create(person=learner, skill=skill, level=2)
    assert not BadgeAward.objects.exists()
    held.level = 4
    held.save()

    assert BadgeAward.objects.get(person=learner).badge == badge


def test_the_top_contributors_of_a_month_earn_the_monthly_badge(expert, other_expert, reviewer):
    badge = make_badge(name="Top contributor", criterion=Criterion.TOP_CONTRIBUTOR, threshold=2)
    when = datetime.datetime(2026, 10, 15, 12, tzinfo=datetime.UTC)
    for person, points in ((expert, 100), (other_expert, 60), (reviewer, 30)):
        award_points(person=person, reason=Reason.REVIEW_COMPLETED, source=("tests.review", person.pk), points=points, when=when)
    award_points(person=make_user(), reason=Reason.COURSE_COMPLETED, source=("tests.e", 1), points=500, when=when)  # a learner

    award_top_contributor_badges(month=datetime.date(2026, 10, 1))
    award_top_contributor_badges(month=datetime.date(2026, 10, 1))  # the task ran twice

    assert set(BadgeAward.objects.filter(badge=badge).values_list("person", flat=True)) == {expert.pk, other_expert.pk}


def test_a_badge_needs_the_fields_of_its_criterion():
    badge = Badge(name="Incomplete", slug="incomplete", description="x", criterion=Criterion.EVENT_COUNT)

    with pytest.raises(ValidationError) as error:
        badge.full_clean()
    assert "reason" in error.value.message_dict and "threshold" in error.value.message_dict
    with pytest.raises(IntegrityError):
        badge.save()


def test_a_new_badge_goes_to_the_people_who_already_meet_it(learner, other_learner, expert, on_commit):
    from rewards.badges import backfill_badge

    skill = make_skill("SQL")
    PersonSkill.objects.create(person=learner, skill=skill, level=4)
    PersonSkill.objects.create(person=other_learner, skill=skill, level=1)
    for n in range(3):
        answer(expert, n)
    course = make_course("SQL 1", authors=[expert], lessons=1)
    on_commit(complete_course_for, other_learner, course)
    skilled = make_badge(name="SQL proficient", criterion=Criterion.SKILL_LEVEL, skill=skill, skill_level=3)
    helper = make_badge(name="Helper", criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=3)
    finisher = make_badge(name="SQL 1 done", criterion=Criterion.COURSE, course=course)

    assert [backfill_badge(badge=b, batch_size=1) for b in (skilled, helper, finisher)] == [1, 1, 1]
    assert backfill_badge(badge=skilled) == 0  # again: nothing more
    assert set(BadgeAward.objects.values_list("person", "badge")) == {
        (learner.pk, skilled.pk), (expert.pk, helper.pk), (other_learner.pk, finisher.pk),
    }
