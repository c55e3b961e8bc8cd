"""A learner's SCORM session: launching an item (the state the SCO starts from) and each commit.

Commits carry the launch they belong to and a sequence number: a replayed or late commit changes
nothing, and a commit from a window that another launch has replaced is refused, so state only
moves forward. Completion and scores feed Guild's lesson completion like any lesson's."""

import uuid
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models.enrolment import Enrolment, EnrolmentStatus, LessonCompletion
from courses.services.enrolment import course_of
from courses.services.progress import record_completion
from guild.events.models import Verb
from guild.events.services import record_event

from ..errors import ScormRuntimeError
from ..models import ScormRuntime
from .cmi_time import as_duration, as_timespan, parse_seconds
from .cmi_values import V12_KEYS, V2004_KEYS, derive_statuses

MAX_KEYS = 5000
MAX_VALUE_CHARS = 64000


def enrolment_for(*, learner, lesson):
    return (
        Enrolment.objects.filter(learner=learner, course=course_of(lesson=lesson))
        .exclude(status=EnrolmentStatus.WITHDRAWN).first()
    )


def launch(*, learner, lesson):
    """Start (or resume) the learner's session on a SCORM lesson: a new launch id, and the CMI
    values the SCO starts from. Needs an enrolment."""
    if not lesson.live:
        raise ScormRuntimeError(_("This lesson is not published."), status=404)
    enrolment = enrolment_for(learner=learner, lesson=lesson)
    if enrolment is None:
        raise ScormRuntimeError(_("Enrol in this course first."), status=403)
    with transaction.atomic():
        runtime, _created = ScormRuntime.objects.select_for_update().get_or_create(
            learner=learner, item=lesson.item, defaults={"lesson": lesson}
        )
        runtime.launch_id = uuid.uuid4()
        runtime.last_sequence = 0
        runtime.total_seconds_at_launch = runtime.total_seconds
        runtime.launches += 1
        runtime.lesson = lesson
        runtime.updated_at = timezone.now()
        before = (runtime.completion_status, runtime.success_status)
        if not lesson.item.is_sco:
            # An asset does not talk to the API: SCORM counts it as done once launched.
            runtime.completion_status = "completed"
        runtime.save()
        _feed_progress(runtime, enrolment, before)
    return runtime


def initial_cmi(*, runtime, learner, item):
    """The flattened CMI values the SCO reads on Initialize (scorm-again's loadFromFlattenedJSON)."""
    resume = runtime.exit == "suspend"
    first = runtime.launches <= 1 and not runtime.cmi
    name = learner.get_full_name() if hasattr(learner, "get_full_name") else str(learner)
    if not item.package.is_2004:
        values = {
            "cmi.core.student_id": str(learner.pk),
            "cmi.core.student_name": name,
            "cmi.core.lesson_location": runtime.location,
            "cmi.core.lesson_status": runtime.lesson_status or "not attempted",
            "cmi.core.entry": "resume" if resume else ("ab-initio" if first else ""),
            "cmi.core.credit": "credit",
            "cmi.core.total_time": as_timespan(runtime.total_seconds),
            "cmi.suspend_data": runtime.suspend_data,
            "cmi.launch_data": item.data_from_lms,
        }
        if runtime.score_raw is not None:
            values["cmi.core.score.raw"] = _num(runtime.score_raw)
        if item.mastery_scaled is not None:
            values["cmi.student_data.mastery_score"] = _num(item.mastery_scaled * 100)
        if item.time_limit:
            values["cmi.student_data.max_time_allowed"] = item.time_limit
        if item.time_limit_action:
            values["cmi.student_data.time_limit_action"] = item.time_limit_action
        return values
    values = {
        "cmi.learner_id": str(learner.pk),
        "cmi.learner_name": name,
        "cmi.location": runtime.location,
        "cmi.completion_status": runtime.completion_status,
        "cmi.success_status": runtime.success_status,
        "cmi.entry": "resume" if resume else ("ab-initio" if first else ""),
        "cmi.credit": "credit",
        "cmi.total_time": as_duration(runtime.total_seconds),
        "cmi.suspend_data": runtime.suspend_data,
        "cmi.launch_data": item.data_from_lms,
    }
    if runtime.score_scaled is not None:
        values["cmi.score.scaled"] = _num(runtime.score_scaled)
    if runtime.score_raw is not None:
        values["cmi.score.raw"] = _num(runtime.score_raw)
    if item.mastery_scaled is not None:
        values["cmi.scaled_passing_score"] = _num(item.mastery_scaled)
    if item.completion_threshold is not None:
        values["cmi.completion_threshold"] = _num(item.completion_threshold)
    if item.time_limit:
        values["cmi.max_time_allowed"] = item.time_limit
    if item.time_limit_action:
        values["cmi.time_limit_action"] = item.time_limit_action
    return values


def _num(value):
    return format(Decimal(value).normalize(), "f")


def _clean_cmi(cmi):
    if not isinstance(cmi, dict) or len(cmi) > MAX_KEYS:
        raise ScormRuntimeError(_("The commit is not a set of CMI values."))
    clean = {}
    for key, value in cmi.items():
        if not isinstance(key, str) or not key.startswith("cmi.") or len(key) > 255:
            continue  # scorm-again adds bookkeeping keys; Guild keeps only the data model
        if isinstance(value, bool | int | float):
            value = str(value).lower() if isinstance(value, bool) else str(value)
        if value is None or isinstance(value, dict | list):
            continue  # empty collections (cmi.interactions: {}); their members come flattened
        if not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
            raise ScormRuntimeError(_("The value of %(key)s is too long or not text.") % {"key": key})
        clean[key] = value
    return clean


def _decimal(value):
    try:
        return Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None


def commit(*, learner, runtime_id, launch_id, sequence, cmi):
    """Store one commit. Returns (runtime, applied): applied is False for a replay."""
    if not getattr(learner, "is_authenticated", False):
        raise ScormRuntimeError(_("Your session has expired: sign in again. What you did before is saved."), status=401)
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        raise ScormRuntimeError(_("The commit has no sequence number."))
    values = _clean_cmi(cmi)
    with transaction.atomic():
        runtime = (ScormRuntime.objects.select_for_update(of=("self",)).select_related("item__package", "lesson")
                   .filter(pk=runtime_id, learner=learner).first())
        if runtime is None:
            raise ScormRuntimeError(_("No such SCORM session."), status=404)
        if str(runtime.launch_id) != str(launch_id):
            raise ScormRuntimeError(_("This lesson was opened again elsewhere: close this window."), status=409)
        if sequence <= runtime.last_sequence:
            return runtime, False
        lesson = runtime.lesson
        enrolment = enrolment_for(learner=learner, lesson=lesson) if lesson else None
        if enrolment is None:
            raise ScormRuntimeError(_("You are no longer enrolled in this course."), status=403)
        before = (runtime.completion_status, runtime.success_status)
        _apply(runtime, values)
        runtime.last_sequence = sequence
        runtime.save()
        _feed_progress(runtime, enrolment, before)
    return runtime, True


def _apply(runtime, values):
    item = runtime.item
    keys = V2004_KEYS if item.package.is_2004 else V12_KEYS
    runtime.cmi = values
    get = values.get
    if get(keys["location"]) is not None:
        runtime.location = get(keys["location"])[:1000]
    if get(keys["suspend_data"]) is not None:
        runtime.suspend_data = get(keys["suspend_data"])
    if get(keys["exit"]) is not None:
        runtime.exit = get(keys["exit"])[:20]
    for field in ("score_raw", "score_min", "score_max", "score_scaled"):
        if field in keys and _decimal(get(keys[field])) is not None:
            setattr(runtime, field, _decimal(get(keys[field])))
    session = parse_seconds(get(keys["session_time"]))
    if session is not None:
        runtime.session_seconds = session
        runtime.total_seconds = runtime.total_seconds_at_launch + session
    derive_statuses(runtime, values, item)
    runtime.updated_at = timezone.now()


def _feed_progress(runtime, enrolment, before):
    lesson = runtime.lesson
    course_id = enrolment.course_id
    done = runtime.completion_status == "completed" and runtime.success_status != "failed"
    score = {"scaled": float(runtime.score_scaled)} if runtime.score_scaled is not None else {}
    if runtime.score_raw is not None:
        score["raw"] = float(runtime.score_raw)
    if runtime.success_status != before[1] and runtime.success_status in ("passed", "failed"):
        record_event(
            actor=runtime.learner, verb=Verb.PASSED if runtime.success_status == "passed" else Verb.FAILED,
            object_type="lesson", object_id=lesson.pk, object_name=lesson.title, course_id=course_id,
            result={"success": runtime.success_status == "passed", **({"score": score} if score else {})},
        )
    if not done or runtime.completed_at:
        return
    runtime.completed_at = timezone.now()
    runtime.save(update_fields=["completed_at"])
    if enrolment.status != EnrolmentStatus.ACTIVE or LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists():
        return
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    record_completion(enrolment=enrolment, lesson=lesson, course=enrolment.course)
