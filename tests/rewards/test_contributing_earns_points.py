import pytest

from courses import services as courses
from courses.models import ReactionKind
from rewards.models import Reason, RewardLedgerEntry
from rewards.services import award_points
from tests.support.courses import enrol, lessons_of, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def entries(person, reason):
    return RewardLedgerEntry.objects.filter(person=person, reason=reason)


def test_publishing_a_course_pays_each_author_once(expert, other_expert):
    course = make_course("Coaching", authors=[expert], co_authors=[other_expert], lessons=1)
    course.save_revision().publish()  # published again after an edit

    assert entries(expert, Reason.COURSE_PUBLISHED).count() == 1
    assert entries(other_expert, Reason.COURSE_PUBLISHED).count() == 1


def test_a_draft_course_pays_nothing(expert):
    make_course("Draft", authors=[expert], lessons=1, publish=False)

    assert not entries(expert, Reason.COURSE_PUBLISHED).exists()


def test_useful_marks_pay_the_authors_per_distinct_learner(expert, learner, other_learner, on_commit):
    course = make_course("SQL", authors=[expert], lessons=2)
    first, second = lessons_of(course)
    for person in (learner, other_learner):
        enrol(person, course)
        on_commit(courses.react, learner=person, lesson=first, kind=ReactionKind.USEFUL)
    on_commit(courses.react, learner=learner, lesson=first, kind=ReactionKind.USEFUL)  # the same learner again
    on_commit(courses.react, learner=learner, lesson=second, kind=ReactionKind.USEFUL)

    assert entries(expert, Reason.LESSON_USEFUL).count() == 3  # (first, alice), (first, bob), (second, alice)


def test_a_learner_removing_and_adding_a_useful_mark_again_earns_nothing_more(expert, learner, on_commit):
    course = make_course("SQL", authors=[expert], lessons=1)
    lesson = lessons_of(course)[0]
    enrol(learner, course)
    reaction, _ = on_commit(courses.react, learner=learner, lesson=lesson, kind=ReactionKind.USEFUL)
    reaction.delete()
    on_commit(courses.react, learner=learner, lesson=lesson, kind=ReactionKind.USEFUL)

    assert entries(expert, Reason.LESSON_USEFUL).count() == 1


def test_an_authors_own_useful_marks_earn_nothing(expert, other_expert, on_commit):
    course = make_course("SQL", authors=[expert], co_authors=[other_expert], lessons=1)
    lesson = lessons_of(course)[0]
    enrol(expert, course)
    on_commit(courses.react, learner=expert, lesson=lesson, kind=ReactionKind.USEFUL)

    assert not RewardLedgerEntry.objects.filter(reason=Reason.LESSON_USEFUL).exists()


def test_answering_a_learners_question_pays_the_author_once(expert, learner, on_commit):
    course = make_course("SQL", authors=[expert], lessons=1)
    lesson = lessons_of(course)[0]
    enrol(learner, course)
    question, _ = on_commit(courses.react, learner=learner, lesson=lesson, kind=ReactionKind.QUESTION, text="Why WHERE?")
    on_commit(courses.answer_question, reaction=question, answered_by=expert, answer="It filters rows first.")
    on_commit(courses.answer_question, reaction=question, answered_by=expert, answer="Edited answer.")

    assert entries(expert, Reason.QUESTION_ANSWERED).count() == 1
    assert not entries(learner, Reason.QUESTION_ANSWERED).exists()


def test_a_fulfilled_learning_need_pays_the_authors_of_the_course_that_answered_it(expert, learner, ld_admin, on_commit):
    from governance.models import NeedStatus
    from governance.services import needs

    course = make_course("Pivot tables", authors=[expert], lessons=1)
    need = needs.post_need(author=learner, title="Pivot tables in our BI tool", why="Monthly reporting").need
    for _ in range(2):  # marking it done twice pays once
        on_commit(needs.triage, need=need, by=ld_admin, status=NeedStatus.DONE, note="Course published", course=course)

    assert entries(expert, Reason.NEED_FULFILLED).count() == 1
    assert not entries(learner, Reason.NEED_FULFILLED).exists()


def test_the_public_service_pays_once_per_source(expert):
    source = make_user()  # any saved object can be the source

    award_points(person=expert, reason=Reason.NEED_FULFILLED, source=source)
    again = award_points(person=expert, reason=Reason.NEED_FULFILLED, source=source)

    assert entries(expert, Reason.NEED_FULFILLED).count() == 1
    assert not again.created
