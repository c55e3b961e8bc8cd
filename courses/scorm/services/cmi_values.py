"""Where SCORM 1.2 and 2004 keep each value Guild persists, and how the LMS side of each version
decides completion and success (mastery score, completion threshold)."""

from decimal import Decimal, InvalidOperation

V12_KEYS = {
    "location": "cmi.core.lesson_location",
    "suspend_data": "cmi.suspend_data",
    "exit": "cmi.core.exit",
    "session_time": "cmi.core.session_time",
    "status": "cmi.core.lesson_status",
    "score_raw": "cmi.core.score.raw",
    "score_min": "cmi.core.score.min",
    "score_max": "cmi.core.score.max",
}
V2004_KEYS = {
    "location": "cmi.location",
    "suspend_data": "cmi.suspend_data",
    "exit": "cmi.exit",
    "session_time": "cmi.session_time",
    "completion": "cmi.completion_status",
    "success": "cmi.success_status",
    "progress": "cmi.progress_measure",
    "score_raw": "cmi.score.raw",
    "score_min": "cmi.score.min",
    "score_max": "cmi.score.max",
    "score_scaled": "cmi.score.scaled",
}
V12_STATUSES = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETIONS = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESSES = {"passed", "failed", "unknown"}


def _decimal(value):
    try:
        return Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None


def derive_statuses(runtime, values, item):
    if item.package.is_2004:
        _derive_2004(runtime, values, item)
    else:
        _derive_12(runtime, values, item)


def _derive_12(runtime, values, item):
    status = values.get(V12_KEYS["status"], runtime.lesson_status or "not attempted")
    if status not in V12_STATUSES:
        return
    raw = runtime.score_raw
    if raw is not None:
        low = runtime.score_min if runtime.score_min is not None else Decimal(0)
        high = runtime.score_max if runtime.score_max is not None else Decimal(100)
        if high > low:
            runtime.score_scaled = max(Decimal(-1), min(Decimal(1), (raw - low) / (high - low))).quantize(Decimal("0.0001"))
    # SCORM 1.2 RTE 3.4.4: with a mastery score, the LMS judges a completed, scored SCO.
    if item.mastery_scaled is not None and raw is not None and status in ("completed", "passed", "failed"):
        status = "passed" if raw >= item.mastery_scaled * 100 else "failed"
    runtime.lesson_status = status
    if status in ("passed", "completed", "failed"):
        runtime.completion_status = "completed"
    elif status in ("incomplete", "browsed"):
        runtime.completion_status = "incomplete"
    runtime.success_status = status if status in ("passed", "failed") else "unknown"


def _derive_2004(runtime, values, item):
    completion = values.get(V2004_KEYS["completion"])
    if completion in COMPLETIONS:
        runtime.completion_status = completion
    progress = _decimal(values.get(V2004_KEYS["progress"]))
    # RTE 4.2.4.1: with a completion threshold and a progress measure, the LMS decides completion.
    if item.completion_threshold is not None and progress is not None:
        runtime.completion_status = "completed" if progress >= item.completion_threshold else "incomplete"
    success = values.get(V2004_KEYS["success"])
    if success in SUCCESSES:
        runtime.success_status = success
    # RTE 4.2.22: with a scaled passing score and a scaled score, the LMS decides success.
    if item.mastery_scaled is not None and runtime.score_scaled is not None and values.get(V2004_KEYS["score_scaled"]):
        runtime.success_status = "passed" if runtime.score_scaled >= item.mastery_scaled else "failed"
