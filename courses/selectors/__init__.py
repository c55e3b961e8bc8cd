"""Reads for the learner's pages. Each function runs a fixed number of queries, whatever the
number of courses, lessons or enrolments (the tests assert it at two data sizes).

Only live pages are ever returned to learners. One module per page family; callers may import
the package (it re-exports what other modules use)."""

from .catalogue import CATALOGUE_PAGE_SIZE, CatalogueQuery, catalogue, enrolment_label
from .course_pages import CourseView, LessonView, OutlineItem, course_view, lesson_view, lessons_of
from .my_learning import (
    MyLearning,
    my_learning,
    path_view,
    paths_list,
    recommended_for,
    skill_gap_state,
    team_popular_for,
)

__all__ = [
    "CATALOGUE_PAGE_SIZE",
    "CatalogueQuery",
    "CourseView",
    "LessonView",
    "MyLearning",
    "OutlineItem",
    "catalogue",
    "course_view",
    "enrolment_label",
    "lesson_view",
    "lessons_of",
    "my_learning",
    "path_view",
    "paths_list",
    "recommended_for",
    "skill_gap_state",
    "team_popular_for",
]
