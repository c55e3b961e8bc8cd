"""Demo peer reviews: the review workflow on the catalogue, one course in review with one
approval (still waiting for reviewer@example.com), and one sent back with changes requested.
Both are small drafts by expert@example.com started from a template. Idempotent."""

from django.db import transaction

from courses.models import CataloguePage, CoursePage
from guild import demo
from guild.people.models import User
from guild.skills.models import Skill
from sme.models import CourseTemplate
from sme.services import start_course_from_template

from .models import ReviewDecision
from .selectors import checklist_for, current_round
from .services import add_reviewer, approve, reassign, request_changes
from .setup import ensure_review_workflow

MID_REVIEW = "Dashboards people actually read"
CHANGES = "Checking your numbers before a meeting"


def _start(title, author, skills):
    course = CoursePage.objects.filter(title=title).first()
    if course:
        return course, False
    template = CourseTemplate.objects.order_by("pk").first()
    course = start_course_from_template(template=template, author=author, title=title)
    course.skills.set(skills)
    course.summary = f"{title}: a short, practical course by {author.first_name}."
    course.save()
    course.save_revision(user=author)
    return course, True


def _ensure_reviewer(round_, reviewer, admin):
    if round_.review_assignments.filter(reviewer=reviewer).exists():
        return
    other = round_.review_assignments.filter(decision=ReviewDecision.PENDING).order_by("-id").first()
    if other and admin:
        reassign(assignment=other, new_reviewer=reviewer, by=admin)
    elif admin:
        add_reviewer(task_state=round_, reviewer=reviewer, by=admin)


@transaction.atomic
@demo.step(order=40)
def seed(stdout=None):
    catalogue = CataloguePage.objects.first()
    expert = User.objects.filter(email="expert@example.com").first()
    reviewer = User.objects.filter(email="reviewer@example.com").first()
    admin = User.objects.filter(email="admin@example.com").first()
    if catalogue is None or expert is None or reviewer is None:
        return
    ensure_review_workflow(catalogue)
    sql = list(Skill.objects.filter(name__in=["SQL", "Data visualisation"]))

    course, created = _start(MID_REVIEW, expert, sql)
    if created:
        course.get_workflow().start(course, expert)
        round_ = current_round(course)
        _ensure_reviewer(round_, reviewer, admin)
        first = round_.review_assignments.exclude(reviewer=reviewer).filter(decision=ReviewDecision.PENDING).first()
        if first:
            approve(task_state=round_, reviewer=first.reviewer, checklist=range(len(checklist_for(course))),
                    comment="Clear and useful. The chart checklist is the best part.")

    course, created = _start(CHANGES, expert, sql)
    if created:
        course.get_workflow().start(course, expert)
        round_ = current_round(course)
        _ensure_reviewer(round_, reviewer, admin)
        request_changes(task_state=round_, reviewer=reviewer,
                        comment="Lesson 2 needs a worked example with real numbers, and the quiz has no feedback yet.")
    if stdout:
        stdout.write("  review: course review workflow on the catalogue; 1 course mid-review, 1 with changes requested")
