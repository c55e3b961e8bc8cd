"""A fortnight of retention boosters for a few demo people, so that `make demo` shows the feature
at work: questions asked and answered (right and wrong) on past days, today's questions waiting,
the messages that carried them, and the authors' recall report with figures.

Written through the boosters' own rules (services.answer moves each question on its schedule), on
dates relative to today. Idempotent: the history is written once, when no question was ever asked."""

from datetime import datetime, time, timedelta

from django.utils import timezone, translation

from guild.notifications.kinds import get as get_kind
from guild.notifications.models import OutboxMessage, OutboxStatus
from guild.notifications.services import language_of, queue_messages

from ..models.boosters import BoosterItem, BoosterPrompt
from ..models.enrolment import Enrolment, EnrolmentStatus
from . import services

# (days ago it was asked, answered right?) per question of a person's first completed course;
# None: asked today and not answered yet (it waits on their boosters page).
HISTORY = [
    [(12, True), (5, True)],
    [(2, False), (0, None)],
    [(0, None)],
]


def _choices(question, right):
    correct = [i for i, c in enumerate(question["choices"]) if c["correct"]]
    wrong = [i for i, c in enumerate(question["choices"]) if not c["correct"]]
    return correct if right or not wrong else wrong[:1]


def _ask(item, day):
    """What the daily sweep (services.ask_due) does for one question on `day`."""
    prompt = BoosterPrompt.objects.create(item=item, learner_id=item.enrolment.learner_id, asked_on=day)
    steps = services.intervals()
    item.due_on = day + timedelta(days=steps[min(item.step, len(steps) - 1)])
    item.save(update_fields=["due_on"])
    return prompt


def _sent_message(learner, day, prompt_ids):
    """The day's booster message as the outbox keeps it once sent (rendered before it was answered)."""
    message = services.booster_message(learner_id=learner.pk, day=day, prompt_ids=prompt_ids)
    with translation.override(language_of(learner)):
        rendered = get_kind(services.KIND).render(message.payload, learner, {})
    sent_at = timezone.make_aware(datetime.combine(day, time(9, 0)))
    message.status, message.sent_at, message.send_after, message.created_at = OutboxStatus.SENT, sent_at, sent_at, sent_at
    message.subject, message.channels, message.attempts = rendered.title[:250], "in_app+email", 1
    return message


def _first_course_items(learner):
    # Completing a course schedules its questions on commit; scheduling again is a no-op, and makes
    # the history independent of when those callbacks ran (inside a test's transaction: never).
    for enrolment in Enrolment.objects.filter(learner=learner, status=EnrolmentStatus.COMPLETED):
        services.schedule_course(enrolment=enrolment)
    items = list(BoosterItem.objects.filter(enrolment__learner=learner, enrolment__status=EnrolmentStatus.COMPLETED)
                 .select_related("enrolment").order_by("enrolment__completed_at", "enrolment_id", "lesson__path", "id"))
    return [i for i in items if i.enrolment_id == items[0].enrolment_id][:len(HISTORY)] if items else []


def seed_boosters(*, learners, today=None) -> int:
    """Booster history for these people's first completed course with questions, day by day as the
    sweep would have asked it. Returns the number of questions asked (0 when a history exists)."""
    if BoosterPrompt.objects.exists():
        return 0
    today = today or timezone.localdate()
    asked = 0
    for learner in learners:
        items = _first_course_items(learner)
        questions = services._questions(item.lesson_id for item in items)
        days = {}
        for item, history in zip(items, HISTORY, strict=False):
            if (item.lesson_id, item.block_id) in questions:
                for days_ago, right in history:
                    days.setdefault(today - timedelta(days=days_ago), []).append((item, right))
        for day, asks in sorted(days.items()):
            prompts = [(_ask(item, day), item, right) for item, right in asks]
            ids = [prompt.pk for prompt, _item, _right in prompts]
            asked += len(ids)
            if day == today:  # today's message is queued: the demo's worker sends it like any other
                queue_messages([services.booster_message(learner_id=learner.pk, day=day, prompt_ids=ids)])
                continue
            OutboxMessage.objects.bulk_create([_sent_message(learner, day, ids)], ignore_conflicts=True)
            for prompt, item, right in prompts:
                if right is not None:
                    question = questions[(item.lesson_id, item.block_id)]
                    services.answer(prompt=prompt, choices=_choices(question, right), today=day)
                    item.refresh_from_db()
    return asked
