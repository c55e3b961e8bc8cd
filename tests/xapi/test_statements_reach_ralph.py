"""Learning events reach a real LRS (Ralph) as valid xAPI 1.0.3 statements, once each."""

import hashlib

from courses import services
from courses.models import ReactionKind
from guild.events.models import LearningEvent
from guild.xapi.delivery import deliver
from guild.xapi.models import LearningRecordStore, StatementDelivery
from guild.xapi.statements import statement_id
from rewards.services import give_kudos
from tests.support.courses import complete_course_for, lessons_of, make_course
from tests.support.lrs import PASSWORD, USER

from .conftest import stored

ADL = "http://adlnet.gov/expapi/verbs/"


def _a_learners_week(learner, other_learner, expert):
    course = make_course("Statements course", authors=[expert], certificate_validity_months=12)
    complete_course_for(learner, course)
    lesson = lessons_of(course)[0]
    services.react(learner=learner, lesson=lesson, kind=ReactionKind.USEFUL)
    services.react(learner=learner, lesson=lesson, kind=ReactionKind.QUESTION, text="What about nulls?")
    services.rate_course(learner=learner, course=course, stars=4)
    give_kudos(sender=learner, recipient=other_learner, message="Thanks for the help with the joins!")
    return course


def test_every_event_arrives_once_and_ralph_finds_it_valid(db, env_lrs, ralph, learner, other_learner, expert):
    course = _a_learners_week(learner, other_learner, expert)
    events = list(LearningEvent.objects.order_by("id"))  # the learner's, and the course's publication
    verbs = {e.verb for e in events}
    assert {"registered", "completed", "passed", "certified", "reacted", "asked", "rated", "thanked"} <= verbs
    assert StatementDelivery.objects.filter(event__in=events).count() == len(events)

    totals = deliver()

    ids = {str(statement_id(e.pk)) for e in events}
    assert stored(ralph, ids) == dict.fromkeys(ids, 1), "every event's statement is in the LRS exactly once"
    assert ralph.validate() == []
    assert totals["sent"] == len(events) and totals["failed"] == 0
    mine = {s["id"]: s for s in ralph.statements() if s["id"] in ids}
    by_verb = {s["verb"]["id"].rsplit("/", 1)[-1]: s for s in mine.values()}
    sha1 = hashlib.sha1(b"mailto:alice@example.com").hexdigest()  # noqa: S324 - xAPI's identifier
    learners = [s for s in mine.values() if s["verb"]["id"] != f"{ADL}authored" and "published" not in s["verb"]["id"]]
    assert all(s["actor"] == {"objectType": "Agent", "mbox_sha1sum": sha1} for s in learners)
    assert by_verb["registered"]["verb"]["id"] == ADL + "registered"
    assert by_verb["registered"]["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert by_verb["registered"]["object"]["definition"]["name"]["en"] == course.title
    assert by_verb["passed"]["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert by_verb["passed"]["result"]["success"] is True
    assert by_verb["passed"]["context"]["contextActivities"]["parent"][0]["id"].endswith(f"/activity/course/{course.pk}")
    assert by_verb["rated"]["verb"]["id"].endswith("/xapi/verbs/rated")  # no ADL verb: Guild's own IRI
    assert by_verb["rated"]["result"]["score"] == {"raw": 4, "min": 1, "max": 5}
    bob = hashlib.sha1(b"mailto:bob@example.com").hexdigest()  # noqa: S324
    assert by_verb["thanked"]["object"]["id"].endswith(f"/activity/person/{bob}")
    assert "name" not in by_verb["thanked"]["object"]["definition"], "the recipient's name does not leave Guild"

    # A second run sends nothing: every row is marked sent.
    assert deliver()["sent"] == 0
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)


def test_an_admin_configured_lrs_gets_only_its_events_with_account_actors(db, lrs, ralph, learner, expert, settings):
    LearningRecordStore.objects.create(name="analytics", endpoint=lrs.url, key=USER, secret=PASSWORD,
                                       actor_format="account", verbs=["completed"])
    course = make_course("Only completions", authors=[expert], lessons=2, quiz=False)
    complete_course_for(learner, course)
    events = LearningEvent.objects.filter(actor=learner)
    completions = [e for e in events if e.verb == "completed"]
    assert len(completions) == 3  # two lessons and the course
    assert StatementDelivery.objects.filter(lrs_name="analytics").count() == 3

    deliver()

    ids = {str(statement_id(e.pk)) for e in completions}
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)
    sent = [s for s in ralph.statements() if s["id"] in ids]
    assert {s["actor"]["account"]["name"] for s in sent} == {str(learner.pk)}
    assert {s["actor"]["account"]["homePage"] for s in sent} == {settings.GUILD_BASE_URL}
    others = {str(statement_id(e.pk)) for e in events if e.verb != "completed"}
    assert not stored(ralph, others), "events the LRS did not ask for are not sent"
    assert ralph.validate() == []


def test_a_paused_lrs_and_no_lrs_queue_nothing(db, learner, expert):
    LearningRecordStore.objects.create(name="paused", endpoint="http://127.0.0.1:9/xAPI", key="k", secret="s",
                                       is_active=False)
    complete_course_for(learner, make_course("Quiet", authors=[expert], lessons=1, quiz=False))
    assert LearningEvent.objects.filter(actor=learner).exists()
    assert not StatementDelivery.objects.exists()


def test_out_of_range_scores_are_left_out_rather_than_sent_invalid(db, env_lrs, ralph, learner):
    from guild.events.services import record_event

    event = record_event(actor=learner, verb="passed", object_type="quiz", object_id=7,
                         result={"score": {"scaled": 5, "raw": 500, "min": 0, "max": 100}, "passed": True})
    deliver()
    [statement] = [s for s in ralph.statements() if s["id"] == str(statement_id(event.pk))]
    assert statement["result"] == {"success": True, "score": {"min": 0, "max": 100}}
    assert ralph.validate() == []
