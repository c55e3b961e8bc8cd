"""The rules of retention boosters: schedule, ask, answer, opt out, and the authors' recall report."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages

from ..models.boosters import BoosterItem, BoosterOptOut, BoosterPrompt
from ..models.enrolment import Enrolment, EnrolmentStatus
from ..models.pages import LessonPage
from ..services.errors import LearningError

KIND = "booster.questions"
ANSWER_SALT = "guild.boosters.answer"


def intervals() -> list[int]:
    """Days between askings: after a right answer the next one, after a wrong one the first."""
    return [int(d) for d in getattr(settings, "GUILD_BOOSTER_INTERVALS", (2, 7, 21, 60))]


def per_day() -> int:
    return int(getattr(settings, "GUILD_BOOSTERS_PER_DAY", 2))


def link_max_age() -> int:
    """How long an emailed answer link works, in seconds."""
    return int(getattr(settings, "GUILD_BOOSTER_LINK_DAYS", 30)) * 86400


def is_enabled(*, learner, course) -> bool:
    return not BoosterOptOut.objects.filter(learner=learner, course=course).exists()


def set_enabled(*, learner, course, enabled: bool) -> None:
    """Turn boosters on or off for one course. Idempotent."""
    if enabled:
        BoosterOptOut.objects.filter(learner=learner, course=course).delete()
    else:
        BoosterOptOut.objects.get_or_create(learner=learner, course=course)


def schedule_course(*, enrolment, today=None) -> int:
    """Put every quiz question of a completed course on the learner's schedule (first asking after
    the first interval). Questions already scheduled keep their place. Returns how many were added."""
    if enrolment.status != EnrolmentStatus.COMPLETED:
        return 0
    today = today or timezone.localdate()
    first = today + timedelta(days=intervals()[0])
    lessons = LessonPage.objects.live().child_of(enrolment.course).only("id", "body")
    items = [
        BoosterItem(enrolment=enrolment, lesson_id=lesson.pk, block_id=block_id, due_on=first)
        for lesson in lessons for block_id, _question in lesson.questions()
    ]
    return len(BoosterItem.objects.bulk_create(items, ignore_conflicts=True))


def _questions(lesson_ids) -> dict:
    """{(lesson id, block id): question value} for live lessons (one query)."""
    found = {}
    for lesson in LessonPage.objects.live().filter(pk__in=set(lesson_ids)).only("id", "title", "body"):
        for block_id, question in lesson.questions():
            found[(lesson.pk, block_id)] = question
    return found


def booster_message(*, learner_id, day, prompt_ids) -> OutboxMessage:
    """One message a day per learner, with that day's questions; the key names person and day."""
    return OutboxMessage(key=f"booster:{learner_id}:{day:%Y%m%d}", recipient_id=learner_id, kind=KIND,
                         payload={"prompts": prompt_ids, "day": day.isoformat()})


def _due_items(today):
    opted_out = BoosterOptOut.objects.filter(learner_id=OuterRef("enrolment__learner_id"),
                                             course_id=OuterRef("enrolment__course_id"))
    asked_today = BoosterPrompt.objects.filter(learner_id=OuterRef("enrolment__learner_id"), asked_on=today)
    return BoosterItem.objects.filter(
        due_on__lte=today, enrolment__status=EnrolmentStatus.COMPLETED,
    ).exclude(Exists(opted_out)).exclude(Exists(asked_today))


def ask_due(*, today=None, batch_size=500) -> dict:
    """The sweep: for each learner with questions due and nothing asked today, ask up to per_day()
    of them (the longest waiting first) and queue one message. Idempotent: prompts are unique per
    question and day, the message per person and day, and a learner asked today is skipped."""
    today = today or timezone.localdate()
    counts = {"learners": 0, "asked": 0, "retired": 0}
    last_learner = 0
    while True:
        learner_ids = list(
            _due_items(today).filter(enrolment__learner_id__gt=last_learner)
            .order_by("enrolment__learner_id").values_list("enrolment__learner_id", flat=True).distinct()[:batch_size]
        )
        if not learner_ids:
            return counts
        last_learner = learner_ids[-1]
        items = list(_due_items(today).filter(enrolment__learner_id__in=learner_ids)
                     .select_related("enrolment").order_by("due_on", "id"))
        questions = _questions(item.lesson_id for item in items)
        by_learner = defaultdict(list)
        gone = []
        for item in items:
            if (item.lesson_id, item.block_id) not in questions:
                gone.append(item.pk)  # the question was removed from the course: never ask it again
            elif len(by_learner[item.enrolment.learner_id]) < per_day():
                by_learner[item.enrolment.learner_id].append(item)
        steps = intervals()
        with transaction.atomic():
            counts["retired"] += BoosterItem.objects.filter(pk__in=gone).update(due_on=None)
            BoosterPrompt.objects.bulk_create([
                BoosterPrompt(item=item, learner_id=learner_id, asked_on=today)
                for learner_id, chosen in by_learner.items() for item in chosen
            ], ignore_conflicts=True)
            for chosen in by_learner.values():
                for item in chosen:
                    # Not answered by then: asked again one interval later, at the same step.
                    item.due_on = today + timedelta(days=steps[min(item.step, len(steps) - 1)])
            BoosterItem.objects.bulk_update([i for chosen in by_learner.values() for i in chosen], ["due_on"])
            prompts = defaultdict(list)
            for learner_id, prompt_id in BoosterPrompt.objects.filter(
                learner_id__in=list(by_learner), asked_on=today
            ).order_by("id").values_list("learner_id", "id"):
                prompts[learner_id].append(prompt_id)
            queue_messages([booster_message(learner_id=learner_id, day=today, prompt_ids=ids)
                            for learner_id, ids in prompts.items()])
        counts["learners"] += len(prompts)
        counts["asked"] += sum(len(ids) for ids in prompts.values())


# --- answering ---------------------------------------------------------------------------------

def answer_token(*, prompt_id, choice=None) -> str:
    """A signed token naming a prompt (and the choice a one-click link picks): the email's links
    carry it, so answering needs no sign-in, and nobody can answer another person's question."""
    data = {"p": prompt_id} if choice is None else {"p": prompt_id, "c": choice}
    return signing.dumps(data, salt=ANSWER_SALT, compress=True)


def read_token(token):
    """(prompt, choice or None), or None for a token that is forged, expired or names no prompt."""
    try:
        data = signing.loads(token, salt=ANSWER_SALT, max_age=link_max_age())
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("p"), int):
        return None
    prompt = BoosterPrompt.objects.select_related("item__enrolment__course", "item__lesson").filter(pk=data["p"]).first()
    if prompt is None:
        return None
    choice = data.get("c")
    return prompt, choice if isinstance(choice, int) else None


def question_for(prompt):
    """The prompt's question (its block value), or None when the course no longer has it."""
    return _questions([prompt.item.lesson_id]).get((prompt.item.lesson_id, prompt.item.block_id))


@dataclass
class BoosterResult:
    prompt: BoosterPrompt
    question: dict
    correct: bool
    picked: list
    next_on: object  # date, or None once the question is retired
    already: bool = False  # answered before: nothing changed


def _clean_choices(question, choices):
    try:
        picked = sorted({int(c) for c in choices})
    except (TypeError, ValueError):
        raise LearningError(_("That answer is not one of the choices. Open the question again.")) from None
    if not picked:
        raise LearningError(_("Pick an answer."))
    if any(c < 0 or c >= len(question["choices"]) for c in picked):
        raise LearningError(_("That answer is not one of the choices. Open the question again."))
    if question["kind"] == "single" and len(picked) > 1:
        raise LearningError(_("Pick one answer."))
    return picked


def answer(*, prompt, choices, learner=None, today=None) -> BoosterResult:
    """Record the answer to one prompt and move the question on the schedule: right → the next
    interval (retired after the last), wrong → back to the first. A prompt is answered once; a
    second answer (a double click, the email link after the app) changes nothing."""
    if learner is not None and prompt.learner_id != learner.pk:
        raise LearningError(_("This question was asked to someone else."))
    question = question_for(prompt)
    if question is None:
        raise LearningError(_("This question is no longer in the course."))
    picked = _clean_choices(question, choices)
    today = today or timezone.localdate()
    with transaction.atomic():
        prompt = BoosterPrompt.objects.select_for_update().select_related("item__enrolment__course").get(pk=prompt.pk)
        item = BoosterItem.objects.select_for_update().get(pk=prompt.item_id)
        if prompt.answered_at is not None:
            return BoosterResult(prompt, question, bool(prompt.correct), prompt.choices, item.due_on, already=True)
        right = {i for i, c in enumerate(question["choices"]) if c["correct"]}
        correct = set(picked) == right
        steps = intervals()
        item.step = item.step + 1 if correct else 0
        item.due_on = today + timedelta(days=steps[item.step]) if item.step < len(steps) else None
        item.save(update_fields=["step", "due_on"])
        prompt.answered_at = timezone.now()
        prompt.choices = picked
        prompt.correct = correct
        prompt.save(update_fields=["answered_at", "choices", "correct"])
    return BoosterResult(prompt, question, correct, picked, item.due_on)


# --- what learners and authors see --------------------------------------------------------------

def open_prompts(*, learner, days=14):
    """The learner's unanswered questions of the last `days` days, newest first, with their question."""
    since = timezone.localdate() - timedelta(days=days)
    prompts = list(BoosterPrompt.objects.filter(learner=learner, answered_at__isnull=True, asked_on__gte=since)
                   .select_related("item__enrolment__course", "item__lesson").order_by("-asked_on", "id"))
    questions = _questions(p.item.lesson_id for p in prompts)
    out = []
    for prompt in prompts:
        prompt.question = questions.get((prompt.item.lesson_id, prompt.item.block_id))
        if prompt.question is not None:
            out.append(prompt)
    return out


def courses_with_boosters(*, learner):
    """[(course, enabled, questions waiting)] for the learner's completed courses that have questions."""
    enrolments = (Enrolment.objects.filter(learner=learner, booster_items__isnull=False).distinct()
                  .select_related("course").order_by("course__title"))
    off = set(BoosterOptOut.objects.filter(learner=learner).values_list("course_id", flat=True))
    return [(e.course, e.course_id not in off) for e in enrolments]


@dataclass
class RecallRow:
    course: object
    lesson: object
    prompt: str
    answered: int
    right: int
    learners: int

    @property
    def rate(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def recall_report(*, courses) -> list[RecallRow]:
    """Per question of these courses: answers to boosters, how many right, by how many learners;
    the most forgotten first (four queries whatever the number of answers)."""
    by_id = {c.pk: c for c in courses}
    rows = (BoosterPrompt.objects.filter(answered_at__isnull=False, item__enrolment__course_id__in=list(by_id))
            .values("item__enrolment__course_id", "item__lesson_id", "item__block_id")
            .annotate(answered=Count("id"), right=Count("id", filter=Q(correct=True)),
                      learners=Count("learner_id", distinct=True)))
    rows = list(rows)
    lessons = {lesson.pk: lesson for lesson in LessonPage.objects.filter(pk__in={r["item__lesson_id"] for r in rows})}
    report = []
    for r in rows:
        lesson = lessons.get(r["item__lesson_id"])
        question = dict(lesson.questions()).get(r["item__block_id"]) if lesson else None
        report.append(RecallRow(
            course=by_id[r["item__enrolment__course_id"]], lesson=lesson,
            prompt=question["prompt"] if question else gettext("(a question since removed)"),
            answered=r["answered"], right=r["right"], learners=r["learners"],
        ))
    return sorted(report, key=lambda row: (row.rate, -row.answered, row.prompt))
