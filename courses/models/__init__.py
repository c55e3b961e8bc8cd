"""Course content (Wagtail pages) and learning records.

Pages hold what authors write and reviewers validate; everything that changes as people
learn (enrolments, progress, ratings, stats) lives in plain models, never in page fields,
so that publishing a revision can never overwrite it. Other apps import from here; modules
inside courses import the submodule that defines a model."""

from .boosters import BoosterItem, BoosterOptOut, BoosterPrompt
from .certificates import Certificate
from .cohorts import Attendance, Cohort, CohortMembership, CohortSession
from .discussions import DiscussionPost, DiscussionThread, Mention, PostVote
from .enrolment import Enrolment, EnrolmentSource, EnrolmentStatus, LessonCompletion
from .feedback import CourseRating, LessonRating, LessonReaction, ReactionKind
from .pages import (
    CataloguePage,
    CourseAuthor,
    CourseLevel,
    CoursePage,
    LearningPathPage,
    LessonPage,
    PathCourse,
)
from .quizzes import AttemptRequest, AttemptRequestStatus, QuizAttempt
from .stats import CourseStats

__all__ = [
    "AttemptRequest",
    "Attendance",
    "AttemptRequestStatus",
    "BoosterItem",
    "BoosterOptOut",
    "BoosterPrompt",
    "CataloguePage",
    "Certificate",
    "Cohort",
    "CohortMembership",
    "CohortSession",
    "CourseAuthor",
    "CourseLevel",
    "CoursePage",
    "CourseRating",
    "CourseStats",
    "DiscussionPost",
    "DiscussionThread",
    "Enrolment",
    "EnrolmentSource",
    "EnrolmentStatus",
    "LearningPathPage",
    "LessonCompletion",
    "LessonPage",
    "LessonRating",
    "Mention",
    "LessonReaction",
    "PathCourse",
    "PostVote",
    "QuizAttempt",
    "ReactionKind",
]
