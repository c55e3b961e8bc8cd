"""Learner actions (POST) and the learner's own pages. Course, lesson, path and catalogue pages
are Wagtail pages (see page_views); everything here checks `live` itself, because
these views reach pages by id rather than through Wagtail's serve."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.views import serve

from guild.core.safe_input import parse_id
from guild.people.roles import Role

from . import page_views, selectors
from .certificates import certificate_pdf
from .discussion_access import can_join_cohort, can_take_part
from .models.certificates import Certificate
from .models.cohorts import Cohort
from .models.discussions import DiscussionThread
from .models.enrolment import Enrolment
from .models.pages import CoursePage, LearningPathPage, LessonPage
from .selectors import social as social_selectors
from .services import cohort_admin
from .services import discussions as discussion_services
from .services import enrolment as enrolment_services
from .services import feedback as feedback_services
from .services import progress as progress_services
from .services import quizzes as quiz_services
from .services.errors import LearningError

# --- helpers ---------------------------------------------------------------------------------------


MAX_ATTEMPT = 10_000  # far beyond any course's attempt limit; keeps the number a small integer


def _live_course(course_id):
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _live_lesson(lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not CoursePage.objects.live().filter(path=lesson.path[: -LessonPage.steplen]).exists():
        raise Http404
    return lesson


def _run(request, action, success=None):
    """Run a service call; show its LearningError as a message. Returns the result or None."""
    try:
        result = action()
    except LearningError as error:
        messages.error(request, error.message)
        return None
    if success:
        messages.success(request, success)
    return result


def catalogue(request):
    """/courses/ is a Wagtail page; this named URL lets navigation and links reverse it."""
    return serve(request, "courses/")


# --- enrolment ---------------------------------------------------------------------------------------


@require_POST
@login_required
def enrol(request, course_id):
    course = _live_course(course_id)
    result = _run(request, lambda: enrolment_services.enrol(learner=request.user, course=course))
    if result:
        enrolment, created = result
        if created:
            messages.success(request, _("You are enrolled. Start with the first lesson."))
    return redirect(course.get_url(request))


@login_required
def unenrol(request, course_id):
    """GET asks for confirmation (a page, no script); POST leaves."""
    course = _live_course(course_id)
    enrolment = get_object_or_404(Enrolment.objects.select_related("course"), learner=request.user, course=course)
    if request.method == "POST":
        _run(request, lambda: enrolment_services.unenrol(enrolment=enrolment), _("You left the course. Your progress is kept."))
        return redirect(course.get_url(request))
    if not enrolment_services.can_unenrol(enrolment=enrolment):
        messages.error(request, _("This course was assigned to you or is mandatory: you cannot leave it."))
        return redirect(course.get_url(request))
    return render(request, "courses/leave_course.html", {"course": course, "enrolment": enrolment})


@require_POST
@login_required
def enrol_in_path(request, path_id):
    path = get_object_or_404(LearningPathPage.objects.live(), pk=path_id)
    created = _run(request, lambda: enrolment_services.enrol_in_path(learner=request.user, path=path))
    if created is not None:
        messages.success(request, _("You are enrolled in every course of this path."))
    return redirect(path.get_url(request))


# --- lessons ----------------------------------------------------------------------------------------


@require_POST
@login_required
def complete_lesson(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    result = _run(request, lambda: progress_services.complete_lesson(learner=request.user, lesson=lesson))
    if result is None:
        return redirect(lesson.get_url(request))
    enrolment = Enrolment.objects.get(learner=request.user, course_id=enrolment_services.course_of(lesson=lesson).pk)
    if enrolment.status == "completed":
        messages.success(request, _("Course complete: your certificate is ready."))
        return redirect(enrolment_services.course_of(lesson=lesson).get_url(request))
    messages.success(request, _("Lesson complete."))
    view = selectors.lesson_view(lesson=lesson, user=request.user)
    return redirect(view.next.get_url(request) if view.next else view.course.get_url(request))


def _posted_answers(request, lesson):
    """{block id: [choice index, ...]} from the form: fields are named q-<block id>."""
    answers = {}
    for key in request.POST:
        if key.startswith("q-"):
            answers[key[2:]] = request.POST.getlist(key)
    return answers


@require_POST
@login_required
def submit_quiz(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    posted = request.POST.get("attempt", "").strip()
    attempt_number = parse_id(posted, maximum=MAX_ATTEMPT) if posted else None
    if posted and attempt_number is None:
        return HttpResponseBadRequest(_("The quiz form was not valid: reload the lesson and answer again."))
    answers = _posted_answers(request, lesson)
    url = lesson.get_url(request)
    try:
        attempt, _results, created = quiz_services.submit_quiz(
            learner=request.user, lesson=lesson, answers=answers, attempt_number=attempt_number
        )
    except LearningError as error:
        # Back to the quiz with the answers given so far and the message beside the quiz, not at the
        # top of the page the browser has scrolled away from.
        page_views.keep_quiz_draft(request, lesson=lesson, answers=answers, error=str(error.message))
        return redirect(url + "#quiz-error")
    if not created:
        messages.info(request, _("That attempt was already submitted; here is its result."))
    elif attempt.passed:
        messages.success(request, _("Quiz passed with %(score)d%%.") % {"score": attempt.score})
    elif quiz_services.attempts_left_after(attempt=attempt, course=enrolment_services.course_of(lesson=lesson)) == 0:
        messages.warning(request, _("Not yet: %(score)d%%. That was your last attempt: read the feedback below, then ask "
                                    "for more attempts if you need them.") % {"score": attempt.score})
    else:
        messages.warning(request, _("Not yet: %(score)d%%. Read the feedback below and try again.") % {"score": attempt.score})
    return redirect(f"{url}?attempt={attempt.attempt_number}#quiz")


# --- rating and discussions --------------------------------------------------------------------------


@require_POST
@login_required
def rate(request, course_id):
    course = _live_course(course_id)
    relevant = {"yes": True, "no": False}.get(request.POST.get("relevant", ""))
    _run(
        request,
        lambda: feedback_services.rate_course(
            learner=request.user, course=course, stars=request.POST.get("stars"), relevant=relevant,
            comment=request.POST.get("comment", ""), anonymous=request.POST.get("anonymous") == "1",
        ),
        _("Thanks for rating this course."),
    )
    return redirect(course.get_url(request) + "#rate")


def _say_who_was_not_told(request, post):
    if getattr(post, "not_told", None):
        names = ", ".join(p.display_name for p in post.not_told)
        messages.warning(request, _("Not told, because they cannot see this discussion: %(names)s.") % {"names": names})


@login_required
def course_discussion(request, course_id):
    course = _live_course(course_id)
    if request.method == "POST":
        result = _run(
            request,
            lambda: discussion_services.start_thread(author=request.user, course=course, title=request.POST.get("title", ""),
                                          body=request.POST.get("body", "")),
        )
        if result:
            _say_who_was_not_told(request, result[1])
            return redirect("courses:thread", thread_id=result[0].pk)
    sort = request.GET.get("sort", "")
    order = ("-vote_count", "-last_post_at") if sort == "votes" else ("-last_post_at",)
    threads = DiscussionThread.objects.filter(course=course).select_related("author").order_by(*order)
    page_obj = Paginator(threads, 20).get_page(request.GET.get("page"))
    return render(request, "courses/discussion_list.html", {"course": course, "page_obj": page_obj, "sort": sort,
                                                             "form_values": request.POST})


@login_required
def thread(request, thread_id):
    thread = get_object_or_404(DiscussionThread.objects.select_related("course", "cohort", "author"), pk=thread_id)
    if thread.course_id and not thread.course.live:
        raise Http404
    if not can_take_part(user=request.user, thread=thread):
        raise PermissionDenied
    if request.method == "POST":
        parent = None
        if request.POST.get("parent"):
            parent = thread.posts.filter(pk=request.POST["parent"]).first() if request.POST["parent"].isdigit() else None
            if parent is None:
                messages.error(request, _("You can only reply to a message in this discussion."))
                return redirect("courses:thread", thread_id=thread.pk)
        post = _run(request, lambda: discussion_services.post_reply(author=request.user, thread=thread, body=request.POST.get("body", ""),
                                                         parent=parent))
        if post:
            _say_who_was_not_told(request, post)
            return redirect(reverse("courses:thread", kwargs={"thread_id": thread.pk}) + f"#post-{post.pk}")
    view = social_selectors.thread_view(thread=thread, user=request.user, sort=request.GET.get("sort", ""))
    return render(request, "courses/thread.html", {"thread": thread, "view": view, "posts": view.posts,
                                                   "form_values": request.POST})


# --- my learning, paths, cohorts, certificates --------------------------------------------------------


@login_required
def my_learning(request):
    return render(request, "courses/my_learning.html", {"data": selectors.my_learning(user=request.user)})


@login_required
def paths(request):
    return render(request, "courses/paths.html", {"paths": selectors.paths_list()})


def visible_cohort(request, slug):
    """A cohort of a live course or path that the person may join (404 or 403 otherwise)."""
    cohort = get_object_or_404(Cohort.objects.select_related("course", "path", "facilitator"), slug=slug)
    if not can_join_cohort(user=request.user, cohort=cohort):
        raise PermissionDenied
    if (cohort.course_id and not cohort.course.live) or (cohort.path_id and not cohort.path.live):
        raise Http404
    return cohort


@login_required
def cohort(request, slug):
    cohort = visible_cohort(request, slug)
    if request.method == "POST":
        result = _run(request, lambda: discussion_services.start_thread(author=request.user, cohort=cohort,
                                                              title=request.POST.get("title", ""), body=request.POST.get("body", "")))
        if result:
            _say_who_was_not_told(request, result[1])
            return redirect("courses:thread", thread_id=result[0].pk)
    members = list(cohort.memberships.select_related("learner").order_by("learner__first_name", "learner__email"))
    progress = {}
    if cohort.course_id:
        progress = dict(Enrolment.objects.filter(course_id=cohort.course_id, learner__in=[m.learner_id for m in members])
                        .values_list("learner_id", "progress"))
    threads = DiscussionThread.objects.filter(cohort=cohort).select_related("author").order_by("-last_post_at")[:20]
    return render(request, "courses/cohort.html", {
        "cohort": cohort, "members": [(m.learner, progress.get(m.learner_id)) for m in members], "threads": threads,
        "form_values": request.POST, "sessions": cohort.sessions.all(),
        "can_manage": cohort_admin.can_take_attendance(request.user, cohort),
    })


def _own_certificate(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("course", "learner"), pk=pk)
    if certificate.learner_id != request.user.pk and not request.user.has_role(Role.LD_ADMIN):
        raise Http404  # someone else's certificate: public details live at the verification URL
    return certificate


@login_required
def certificate_detail(request, pk):
    certificate = _own_certificate(request, pk)
    verify_url = request.build_absolute_uri(reverse("courses:verify_certificate", kwargs={"code": certificate.code}))
    return render(request, "courses/certificate.html", {"certificate": certificate, "verify_url": verify_url})


@login_required
def certificate_download(request, pk):
    certificate = _own_certificate(request, pk)
    verify_url = request.build_absolute_uri(reverse("courses:verify_certificate", kwargs={"code": certificate.code}))
    response = HttpResponse(certificate_pdf(certificate, verify_url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


def verify_certificate(request, code=None):
    """Public: anyone holding a code can check a certificate; shows only name, course and dates."""
    # People copy codes with the spaces or hyphens that make them readable: ignore those.
    code = re.sub(r"[\s\-‐‑–—]", "", code or request.GET.get("code", "")).upper()[:32]
    certificate = Certificate.objects.select_related("course", "learner").filter(code=code).first() if code else None
    return render(request, "courses/verify.html", {"code": code, "certificate": certificate},
                  status=404 if code and certificate is None else 200)
