"""Everything that changes as people learn: enrolments, progress, quizzes, completion,
certificates, feedback and discussions. Views, tasks and other apps call these functions;
each rule lives in one submodule, and modules inside courses import that submodule.

Every function that changes something records a LearningEvent (with course_id) and, when
`courses.signals` names one, sends its signal after the transaction commits."""

from ..discussion_access import can_take_part
from . import mentions
from .certificates import issue_certificate
from .cohorts import add_to_cohort
from .discussions import post_reply, start_thread
from .enrolment import (
    active_enrolment_for,
    can_unenrol,
    course_of,
    enrol,
    enrol_in_path,
    renew_enrolment,
    unenrol,
)
from .errors import LearningError
from .feedback import answer_question, rate_course, rate_lesson, react, withdraw_reaction
from .progress import complete_course, complete_lesson, record_lesson_view, refresh_progress
from .quizzes import QuestionResult, attempts_left, quiz_outcome, submit_quiz
from .votes import clear_answer, mark_answer, vote, withdraw_vote

__all__ = [
    "clear_answer",
    "mark_answer",
    "mentions",
    "vote",
    "withdraw_vote",
    "withdraw_reaction",
    "LearningError",
    "QuestionResult",
    "active_enrolment_for",
    "add_to_cohort",
    "answer_question",
    "attempts_left",
    "can_take_part",
    "can_unenrol",
    "complete_course",
    "complete_lesson",
    "course_of",
    "enrol",
    "enrol_in_path",
    "issue_certificate",
    "post_reply",
    "quiz_outcome",
    "rate_course",
    "rate_lesson",
    "react",
    "record_lesson_view",
    "refresh_progress",
    "renew_enrolment",
    "start_thread",
    "submit_quiz",
    "unenrol",
]
