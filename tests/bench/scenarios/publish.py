"""Publish: the last reviewer approves a course in peer review (and, when the workflow ends with
L&D sign-off, an L&D admin signs it off), which publishes it, with 1,000 learners enrolled.

Baseline: a raw insert of the same revision content and the page updates that publishing makes,
in one transaction. The query count is compared between 100 and 1,000 enrolled learners: it must
not grow with enrolments (notifications to learners go out in background batches)."""

import itertools
import json

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ..measure import equal_row, median, ms, ratio_row
from . import Skip, raw_cursor

SCENARIO = "publish"
ENROLLED = (100, 1_000)
_serial = itertools.count(1)


def metrics(size):
    return [f"publish with {ENROLLED[-1]} enrolled [{size}]", f"queries {ENROLLED[-1]} vs {ENROLLED[0]} enrolled [{size}]"]


def _people(role, n, exclude=()):
    return list(get_user_model().objects.filter(groups__name=str(role), is_active=True).exclude(pk__in=exclude)
                .order_by("pk")[:n])


def _course_in_review(catalogue, workflow, *, author, enrolled):
    """A published course with `enrolled` learners, edited, and submitted to the review workflow."""
    from courses.models import CourseAuthor, CoursePage

    n = next(_serial)
    stamp = timezone.now().strftime("%H%M%S%f")
    course = CoursePage(title=f"Bench publish {n}", slug=f"bench-publish-{stamp}-{n}", live=False,
                        summary="A course that goes through review.")
    course.course_authors = [CourseAuthor(user=author, is_lead=True)]
    catalogue.add_child(instance=course)
    course.save_revision(user=author).publish()
    with connection.cursor() as cur:
        cur.execute(
            """INSERT INTO courses_enrolment (learner_id, course_id, source, status, progress, enrolled_at)
               SELECT id, %s, 'self', 'active', 0, now() FROM people_user WHERE is_active
               ORDER BY id LIMIT %s""",
            [course.pk, enrolled],
        )
        count = cur.rowcount
    course = CoursePage.objects.get(pk=course.pk)
    course.summary = "A course that goes through review: second edition."
    course.save_revision(user=author)
    workflow.start(course, author)
    return course, count


def _approve_to_publication(course, *, ld_admin):
    """Every pending reviewer but the last approves (untimed); returns the timed last step."""
    from wagtail.models import TaskState, WorkflowState

    from governance.review import services as review
    from governance.review.models import ReviewAssignment, ReviewDecision
    from governance.review.selectors import checklist_for

    ticks = list(range(len(checklist_for(course))))

    def pending():
        return list(ReviewAssignment.objects.filter(course=course, decision=ReviewDecision.PENDING)
                    .select_related("task_state", "reviewer").order_by("pk"))

    assignments = pending()
    if not assignments:
        raise Skip("no reviewer could be assigned to the course")
    for assignment in assignments[:-1]:
        review.approve(task_state=assignment.task_state, reviewer=assignment.reviewer, checklist=ticks)
    last = pending()[-1]

    def finish():
        with transaction.atomic():  # commit inside the timing: on_commit work (signals, notifications) counts
            review.approve(task_state=last.task_state, reviewer=last.reviewer, checklist=ticks)
            # With an L&D sign-off step after peer review, the admin's approval is what publishes.
            state = WorkflowState.objects.active().filter(object_id=str(course.pk)).first()
            task_state = state.current_task_state if state else None
            if task_state and task_state.status == TaskState.STATUS_IN_PROGRESS:
                task_state.task.specific.on_action(task_state, ld_admin, "approve")

    return finish


def _raw_publish(cur, course, *, user_id):
    """The same revision content inserted and the page rows updated as publishing does, raw."""
    content = course.serializable_data()
    content["summary"] = course.summary
    now = timezone.now()
    cur.execute("BEGIN")
    cur.execute(
        """INSERT INTO wagtailcore_revision (content_type_id, base_content_type_id, object_id, created_at, user_id,
                                            content, object_str, approved_go_live_at)
           VALUES (%s, %s, %s, %s, %s, %s, %s, NULL) RETURNING id""",
        [course.content_type_id, course.content_type_id, str(course.pk), now, user_id, json.dumps(content, default=str),
         course.title],
    )
    revision_id = cur.fetchone()[0]
    cur.execute(
        """UPDATE wagtailcore_page SET live_revision_id = %s, latest_revision_id = %s, last_published_at = %s,
                  latest_revision_created_at = %s, has_unpublished_changes = false, draft_title = title
           WHERE id = %s""",
        [revision_id, revision_id, now, now, course.pk],
    )
    cur.execute("UPDATE courses_coursepage SET summary = %s WHERE page_ptr_id = %s", [course.summary, course.pk])
    cur.execute("COMMIT")


def run(ctx):
    try:
        from governance.review.setup import ensure_review_workflow
    except ImportError as exc:
        raise Skip("governance.review (peer review workflow) is not built yet") from exc
    from courses.models import CataloguePage
    from guild.people.roles import Role

    catalogue = CataloguePage.objects.first()
    workflow = ensure_review_workflow(catalogue)
    ld_admin = _people(Role.LD_ADMIN, 1)
    if not ld_admin:
        raise Skip("no L&D admin in the seeded data")
    author = _people(Role.EXPERT, 1)[0]
    enrolled_counts = [min(n, get_user_model().objects.count()) for n in ENROLLED]
    if ctx.smoke:
        enrolled_counts = [2, enrolled_counts[-1]]
    runs = min(ctx.runs, 3)
    timings, queries, actual = {}, {}, {}
    for n in enrolled_counts:
        timings[n] = []
        warmup = 1  # the first publish in a database does one-off work (e.g. creating rows on first use)
        for i in range(runs + warmup):  # the first is the warm-up
            course, actual[n] = _course_in_review(catalogue, workflow, author=author, enrolled=n)
            finish = _approve_to_publication(course, ld_admin=ld_admin[0])
            with CaptureQueriesContext(connection) as captured:
                started = timezone.now()
                finish()
                took = (timezone.now() - started).total_seconds()
            course.refresh_from_db()
            if not course.live or course.has_unpublished_changes:
                raise Skip("the last approval did not publish the course")
            if i >= warmup:
                timings[n].append(took)
            queries[n] = len(captured)
    cur = raw_cursor()
    raw = []
    for _ in range(runs + 1):  # the first is the warm-up
        course, _count = _course_in_review(catalogue, workflow, author=author, enrolled=enrolled_counts[-1])
        started = timezone.now()
        _raw_publish(cur, course, user_id=author.pk)
        raw.append((timezone.now() - started).total_seconds())
    cur.close()
    small, large = enrolled_counts
    return [
        ratio_row(SCENARIO, f"publish with {ENROLLED[-1]} enrolled [{ctx.size}]", ms(median(timings[large])),
                  ms(median(raw[1:])), limit=3,
                  note=f"{actual[large]} enrolled; last approval + L&D sign-off, committed; baseline: raw revision "
                       "insert + page updates in one transaction"),
        equal_row(SCENARIO, f"queries {ENROLLED[-1]} vs {ENROLLED[0]} enrolled [{ctx.size}]", queries[large],
                  queries[small], note=f"{actual[large]} vs {actual[small]} enrolled"),
    ]
