"""What the catalogue, course, lesson and path pages show, and what serving a lesson records.

Wagtail serves these pages; their models reach these functions through courses.page_handlers."""

from . import selectors
from .models.pages import CourseLevel
from .selectors.social import lesson_social
from .services.enrolment import course_of
from .services.progress import record_lesson_view


def catalogue_context(page, request):
    query, page_obj, _enrolments, skills, suggestion = selectors.catalogue(
        params=request.GET, page_number=request.GET.get("page"), user=request.user
    )
    return {"query": query, "page_obj": page_obj, "skills": skills, "levels": CourseLevel.choices,
            "query_string": query.querystring(), "suggestion": suggestion,
            "suggestion_query": query.with_q(suggestion) if suggestion else ""}


def course_context(page, request):
    return {"view": selectors.course_view(course=page, user=request.user, preview=getattr(request, "is_preview", False))}


def _draft_key(lesson_id):
    return f"courses.quiz-draft.{lesson_id}"


def keep_quiz_draft(request, *, lesson, answers, error):
    """Keep a refused quiz submission for the next view of the lesson (once), so the learner
    finds their answers where they left them and the reason beside the quiz."""
    picked = {block_id: [int(v) for v in values if v.isdigit()] for block_id, values in answers.items()}
    request.session[_draft_key(lesson.pk)] = {"answers": picked, "error": error}


def lesson_context(page, request):
    attempt = request.GET.get("attempt", "")
    view = selectors.lesson_view(
        lesson=page, user=request.user, attempt_number=int(attempt) if attempt.isdigit() else None,
        preview=getattr(request, "is_preview", False),
    )
    draft = request.session.pop(_draft_key(page.pk), None) if page.pk and hasattr(request, "session") else None
    # Everyone signed in sees the lesson's rating (its authors too); only enrolled learners react and rate.
    social = lesson_social(lesson=page, user=request.user) if page.pk and request.user.is_authenticated else None
    return {"view": view, "questions": page.questions(), "quiz_draft": (draft or {}).get("answers", {}),
            "quiz_error": (draft or {}).get("error", ""), "social": social}


def path_context(page, request):
    return {"rows": selectors.path_view(path=page, user=request.user)}


def lesson_served(page, request, response):
    # Editors' previews are not learning: log only real views of the live page.
    if request.user.is_authenticated and response.status_code == 200 and not getattr(request, "is_preview", False):
        view = response.context_data["view"] if hasattr(response, "context_data") else None
        course = view.course if view else course_of(lesson=page)
        if view and view.locked:
            return  # a locked lesson was not read: Resume must not lead back to it
        record_lesson_view(learner=request.user, lesson=page, course=course)


HANDLERS = {
    "catalogue_context": catalogue_context,
    "course_context": course_context,
    "lesson_context": lesson_context,
    "path_context": path_context,
    "lesson_served": lesson_served,
}
