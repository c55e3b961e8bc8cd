"""More quiz attempts: a learner who used every attempt asks; a course author or L&D grants or
declines, and the learner is told either way. The rule "who may decide" lives in `can_decide`."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.notifications.services import notify
from guild.people.roles import Role

from ..models.pages import CourseAuthor, CoursePage
from ..models.quizzes import AttemptRequest, AttemptRequestStatus, QuizAttempt
from ..permissions import course_author_ids
from .enrolment import active_enrolment_for, course_of
from .errors import LearningError
from .quizzes import attempts_left, granted_extra

MAX_MESSAGE = 2000


def request_more_attempts(*, learner, lesson, message="") -> AttemptRequest:
    """Ask for more attempts at `lesson`'s quiz. Only once every attempt is used and the quiz not
    passed; a second request while one waits returns the waiting one."""
    course = course_of(lesson=lesson)
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise LearningError(gettext("Keep the message under %(n)d characters.") % {"n": MAX_MESSAGE})
    enrolment = active_enrolment_for(learner=learner, course_id=course.pk)
    attempts = QuizAttempt.objects.filter(enrolment=enrolment, lesson=lesson)
    if attempts.filter(passed=True).exists():
        raise LearningError(_("You passed this quiz: there is nothing to ask for."))
    used = attempts.count()
    extra = granted_extra(enrolment_id=enrolment.pk, lesson_id=lesson.pk)
    if attempts_left(course=course, used=used, extra=extra) != 0:
        raise LearningError(_("You still have attempts left at this quiz."))
    pending = AttemptRequest.objects.filter(enrolment=enrolment, lesson=lesson, status=AttemptRequestStatus.PENDING)
    try:
        with transaction.atomic():
            if existing := pending.first():
                return existing
            attempt_request = AttemptRequest.objects.create(enrolment=enrolment, lesson=lesson, message=message)
    except IntegrityError:  # a double submit created it a moment ago
        return pending.get()
    transaction.on_commit(lambda: _tell_deciders(attempt_request, course))
    return attempt_request


def deciders(course):
    """The course's authors and the L&D admins: who is told of a request, and who may answer it."""
    return get_user_model().objects.filter(
        Q(pk__in=course_author_ids(course)) | Q(groups__name=str(Role.LD_ADMIN)), is_active=True
    ).distinct()


def _tell_deciders(attempt_request, course):
    learner = attempt_request.enrolment.learner
    def title():
        return gettext("%(name)s asks for more attempts at the quiz in “%(lesson)s”") % {
            "name": learner.display_name, "lesson": attempt_request.lesson.title}

    for person in deciders(course).iterator(chunk_size=200):
        notify(recipient=person, kind="quiz.attempts_requested", title=title, body=attempt_request.message,
               url=reverse("courses:attempt_requests"), dedupe_key=f"attempt-request:{attempt_request.pk}", email=True)


def can_decide(*, user, attempt_request) -> bool:
    """A course author or co-author of the quiz's course, or an L&D admin; never the learner."""
    if not user.is_active or user.pk == attempt_request.enrolment.learner_id:
        return False
    if user.has_role(Role.LD_ADMIN):
        return True
    return user.pk in course_author_ids(attempt_request.enrolment.course)


def decide(*, attempt_request, by, grant: bool, note="") -> AttemptRequest:
    """Grant (a fresh set of the course's attempts) or decline, once; the learner is told."""
    note = (note or "").strip()[:MAX_MESSAGE]
    with transaction.atomic():
        attempt_request = (
            AttemptRequest.objects.select_for_update(of=("self",))
            .select_related("enrolment__course", "enrolment__learner", "lesson").get(pk=attempt_request.pk)
        )
        if not can_decide(user=by, attempt_request=attempt_request):
            raise LearningError(_("Only the course's authors or L&D can answer this request."))
        if attempt_request.status != AttemptRequestStatus.PENDING:
            raise LearningError(_("This request was already answered."))
        attempt_request.status = AttemptRequestStatus.GRANTED if grant else AttemptRequestStatus.DECLINED
        attempt_request.extra_attempts = max(attempt_request.enrolment.course.max_quiz_attempts, 1) if grant else 0
        attempt_request.decided_by, attempt_request.decided_at, attempt_request.note = by, timezone.now(), note
        attempt_request.save(update_fields=["status", "extra_attempts", "decided_by", "decided_at", "note"])
        transaction.on_commit(lambda: _tell_learner(attempt_request))
    return attempt_request


def _tell_learner(attempt_request):
    lesson = attempt_request.lesson
    granted = attempt_request.status == AttemptRequestStatus.GRANTED

    def title():
        if granted:
            return gettext("You can take the quiz in “%(lesson)s” again") % {"lesson": lesson.title}
        return gettext("No more attempts at the quiz in “%(lesson)s”") % {"lesson": lesson.title}

    notify(recipient=attempt_request.enrolment.learner, kind="quiz.attempts_decision", title=title,
           body=attempt_request.note, url=(lesson.url or "") + "#quiz",
           dedupe_key=f"attempt-decision:{attempt_request.pk}", email=True)


def pending_for(*, user, limit=200):
    """The waiting requests `user` may answer, oldest first: every one for L&D, else those of the
    courses they author. Three queries, whatever the number."""
    pending = AttemptRequest.objects.filter(status=AttemptRequestStatus.PENDING).select_related(
        "enrolment__learner", "enrolment__course", "lesson"
    ).exclude(enrolment__learner=user)
    if not user.has_role(Role.LD_ADMIN):
        authored = CourseAuthor.objects.filter(user=user).values("course_id")
        owned = CoursePage.objects.filter(owner=user).values("pk")
        pending = pending.filter(Q(enrolment__course_id__in=authored) | Q(enrolment__course_id__in=owned))
    return list(pending.order_by("requested_at", "id")[:limit])
