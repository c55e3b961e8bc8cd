"""The per-course report: who enrolled, how far they got lesson by lesson, how each quiz question
fares, and ratings and reactions over time. A fixed number of queries whatever the number of
learners; the quiz attempts are read once, as (enrolment, lesson, attempt number, answers)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Avg, Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    CourseRating,
    Enrolment,
    LessonCompletion,
    LessonPage,
    LessonReaction,
    QuizAttempt,
    ReactionKind,
)
from governance import charts
from governance.selectors.charts import _months
from governance.selectors.definitions import enrolment_done
from guild.people.roles import Role

MONTHS = 12  # ratings and reactions over the last year


@dataclass
class QuestionStats:
    lesson: str
    block_id: str
    prompt: str
    attempts: int = 0
    correct: int = 0
    wrong_first: int = 0  # learners whose first attempt got it wrong
    hardest: bool = False  # the question most learners get wrong on their first attempt

    @property
    def correct_pct(self):
        return round(100 * self.correct / self.attempts, 1) if self.attempts else None


@dataclass
class CourseReport:
    course: object
    enrolled: int = 0
    completed: int = 0
    funnel: list = field(default_factory=list)  # [(lesson title, learners who completed it, % of enrolled)]
    questions: list = field(default_factory=list)
    charts: list = field(default_factory=list)

    def export_rows(self):
        """(section, item, measure, value) rows for CSV and XLSX."""
        rows = [("enrolment", _("Enrolled"), "", self.enrolled), ("enrolment", _("Completed"), "", self.completed)]
        rows += [("funnel", title, _("learners who completed it"), n) for title, n, _pct in self.funnel]
        for q in self.questions:
            rows += [("quiz", f"{q.lesson} · {q.prompt}", _("attempts"), q.attempts),
                     ("quiz", f"{q.lesson} · {q.prompt}", _("% correct"), q.correct_pct),
                     ("quiz", f"{q.lesson} · {q.prompt}", _("wrong on the first attempt"), q.wrong_first)]
        for chart in self.charts:
            for row in chart.rows:
                rows += [("over time", row[0], name, value) for name, value in zip(chart.headers[1:], row[1:],
                                                                                    strict=False)]
        return rows


def can_see(user, course):
    """L&D admins, and the course's own authors."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.has_role(Role.LD_ADMIN) or course.course_authors.filter(user=user).exists()


def _pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def course_report(course):
    report = CourseReport(course=course)
    totals = Enrolment.objects.filter(course=course).aggregate(n=Count("id"), done=Count("id", filter=enrolment_done()))
    report.enrolled, report.completed = totals["n"], totals["done"]
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    done_by_lesson = dict(LessonCompletion.objects.filter(enrolment__course=course).values("lesson_id")
                          .annotate(n=Count("enrolment_id", distinct=True)).values_list("lesson_id", "n"))
    report.funnel = [(lesson.title, done_by_lesson.get(lesson.pk, 0), _pct(done_by_lesson.get(lesson.pk, 0),
                                                                            report.enrolled)) for lesson in lessons]
    report.questions = _item_analysis(course, lessons)
    report.charts = _over_time(course)
    return report


def _item_analysis(course, lessons):
    """Per quiz question: attempts that answered it, the share answered right, and how many learners
    got it wrong on their first attempt; the question with the most of those is flagged."""
    stats, right = {}, {}
    for lesson in lessons:
        for block_id, question in lesson.questions():
            stats[(lesson.pk, block_id)] = QuestionStats(lesson.title, block_id, question["prompt"])
            right[(lesson.pk, block_id)] = {i for i, c in enumerate(question["choices"]) if c["correct"]}
    attempts = (QuizAttempt.objects.filter(enrolment__course=course)
                .values_list("enrolment_id", "lesson_id", "attempt_number", "answers").order_by("attempt_number"))
    first = {}
    for enrolment_id, lesson_id, number, answers in attempts:
        first.setdefault((enrolment_id, lesson_id), number)
        for block_id, picked in (answers or {}).items():
            key = (lesson_id, block_id)
            if key not in stats:
                continue  # a question since removed from the lesson
            correct = {int(p) for p in picked or ()} == right[key]
            stats[key].attempts += 1
            stats[key].correct += correct
            if number == first[(enrolment_id, lesson_id)] and not correct:
                stats[key].wrong_first += 1
    questions = list(stats.values())
    hardest = max(questions, key=lambda q: q.wrong_first, default=None)
    if hardest is not None and hardest.wrong_first:
        hardest.hardest = True
    return questions


def _over_time(course):
    today = timezone.localdate()
    since = (today.replace(day=1) - timedelta(days=31 * (MONTHS - 1))).replace(day=1)
    months = _months(since, today)
    ratings = {row["month"].strftime("%Y-%m"): row for row in (
        CourseRating.objects.filter(course=course, created_at__date__gte=since)
        .annotate(month=TruncMonth("created_at")).values("month").annotate(n=Count("id"), avg=Avg("stars"))
        .order_by())}
    reactions = defaultdict(int)
    for row in (LessonReaction.objects.filter(course=course, created_at__date__gte=since)
                .annotate(month=TruncMonth("created_at")).values("month", "kind").annotate(n=Count("id")).order_by()):
        reactions[(row["month"].strftime("%Y-%m"), row["kind"])] += row["n"]
    counts = charts.line_chart(
        key="course-feedback", title=_("Ratings and reactions by month"),
        desc=_("How many ratings and lesson reactions of each kind the course received each month, over the "
               "last twelve months."),
        labels=months,
        series=[[ratings[m]["n"] if m in ratings else 0 for m in months],
                *[[reactions[(m, kind)] for m in months] for kind in ReactionKind.values]],
        series_names=[_("Ratings"), *[str(label) for label in ReactionKind.labels]],
    )
    stars = charts.line_chart(
        key="course-stars", title=_("Average rating by month"),
        desc=_("The average stars (out of 5) of the ratings given each month; a month without ratings is a gap."),
        labels=months, series=[[round(ratings[m]["avg"], 1) if m in ratings else None for m in months]],
        series_names=[_("Average rating")],
    )
    return [counts, stars]


