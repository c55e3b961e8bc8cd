"""What the catalogue, course, lesson and path pages show, and what serving a lesson records.

Wagtail serves these pages; their models reach these functions through courses.page_handlers."""

from . import selectors
from .models.pages import CourseLevel
from .services.enrolment import course_of
from .services.progress import record_lesson_view


def catalogue_context(page, request):
    query, page_obj, statuses, skills = selectors.catalogue(
        params=request.GET, page_number=request.GET.get("page"), user=request.user
    )
    return {"query": query, "page_obj": page_obj, "statuses": statuses, "skills": skills, "levels": CourseLevel.choices,
            "query_string": query.querystring()}


def course_context(page, request):
    return {"view": selectors.course_view(course=page, user=request.user, preview=getattr(request, "is_preview", False))}


def lesson_context(page, request):
    attempt = request.GET.get("attempt", "")
    view = selectors.lesson_view(
        lesson=page, user=request.user, attempt_number=int(attempt) if attempt.isdigit() else None,
        preview=getattr(request, "is_preview", False),
    )
    return {"view": view, "questions": page.questions()}


def path_context(page, request):
    return {"rows": selectors.path_view(path=page, user=request.user)}


def lesson_served(page, request, response):
    # Editors' previews are not learning: log only real views of the live page.
    if request.user.is_authenticated and response.status_code == 200 and not getattr(request, "is_preview", False):
        view = response.context_data["view"] if hasattr(response, "context_data") else None
        course = view.course if view else course_of(lesson=page)
        record_lesson_view(learner=request.user, lesson=page, course=course)


HANDLERS = {
    "catalogue_context": catalogue_context,
    "course_context": course_context,
    "lesson_context": lesson_context,
    "path_context": path_context,
    "lesson_served": lesson_served,
}
