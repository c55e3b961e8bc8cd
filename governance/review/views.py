"""The review queue and the review page. Decisions go through governance.review.services,
exactly as the Wagtail editor's workflow menu does."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.permissions import course_author_ids
from courses.scorm.access import may_open_preview
from courses.scorm.models import ScormLessonPage
from guild.core.permissions import role_required
from guild.core.safe_input import parse_id
from guild.people.models import User
from guild.people.roles import Role

from . import block_comments, cancelling, diff, nudges, selectors, services, suggestions
from .models import ReviewAssignment, ReviewDecision
from .rounds import number_assignments, round_numbers

REVIEW_ROLES = (Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN)


@role_required(*REVIEW_ROLES)
def queue(request):
    context = {
        "assignments": number_assignments(list(selectors.review_queue(reviewer=request.user)[:100])),
        "recent": number_assignments(list(selectors.recent_reviews_by(reviewer=request.user))),
    }
    if request.user.has_role(Role.LD_ADMIN):
        context["all_pending"] = number_assignments(list(
            ReviewAssignment.objects.filter(decision=ReviewDecision.PENDING)
            .select_related("reviewer", "course").order_by("due_at", "id")[:100]
        ))
    return render(request, "review/queue.html", context)


def _lessons_as_reviewed(course, *, user, back):
    lessons = [lesson.get_latest_revision_as_object() for lesson in LessonPage.objects.child_of(course).order_by("path")]
    if any(isinstance(lesson, ScormLessonPage) for lesson in lessons) and may_open_preview(user, course):
        # A SCORM lesson's content is its package: the reviewer runs it in the preview (nothing stored).
        query = urlencode({"next": back})
        for lesson in lessons:
            if isinstance(lesson, ScormLessonPage):
                lesson.scorm_preview_url = f"{reverse('scorm:preview', args=[lesson.pk])}?{query}"
    return lessons


@role_required(*REVIEW_ROLES)
def review(request, assignment_id):
    assignment = get_object_or_404(ReviewAssignment.objects.select_related("course", "task_state", "reviewer"), pk=assignment_id)
    is_mine = assignment.reviewer_id == request.user.pk
    if not is_mine and not request.user.has_role(Role.LD_ADMIN):
        raise Http404
    course = assignment.course
    checklist = selectors.checklist_for(course)
    errors = []
    if request.method == "POST":
        if not is_mine:
            raise Http404
        try:
            if request.POST.get("decision") == "approve":
                result = services.approve(
                    task_state=assignment.task_state, reviewer=request.user,
                    checklist=request.POST.getlist("checklist"), comment=request.POST.get("comment", "")[:5000],
                )
                messages.success(request, _("Thank you: approval recorded (%(n)d of %(total)d).")
                                 % {"n": result.approvals, "total": result.approvals_required})
            elif request.POST.get("decision") == "changes":
                services.request_changes(
                    task_state=assignment.task_state, reviewer=request.user, comment=request.POST.get("comment", "")[:5000]
                )
                messages.success(request, _("Thank you: the course went back to its authors with your comments."))
            else:
                raise services.ReviewError(_("Choose approve or request changes."))
        except services.ReviewError as exc:
            errors.append(str(exc))
        else:
            return redirect("sme:review:queue")
    candidates = []
    if request.user.has_role(Role.LD_ADMIN) and assignment.decision == ReviewDecision.PENDING:
        excluded = selectors.course_people_excluded_from_review(course=course, workflow_state=assignment.task_state.workflow_state)
        candidates = (
            User.objects.filter(is_active=True, groups__name__in=[Role.EXPERT, Role.REVIEWER])
            .exclude(pk__in=excluded).distinct().order_by("first_name", "last_name")[:200]
        )
    history = number_assignments(list(selectors.review_history(course)[:100]))
    comments = list(block_comments.comments_of_course(course))
    numbers = round_numbers([assignment.task_state_id] + [c.task_state_id for c in comments])
    for c in comments:
        c.round_number = numbers.get(c.task_state_id, 1)
    can_decide = is_mine and assignment.decision == ReviewDecision.PENDING
    return render(request, "review/review.html", {
        "assignment": assignment, "round_number": numbers.get(assignment.task_state_id, 1),
        "course": course.get_latest_revision_as_object(),
        "lessons": _lessons_as_reviewed(course, user=request.user, back=request.path),
        "comments_by_block": block_comments.by_block(comments), "can_comment": can_decide,
        "changes": diff.course_changes(course),
        "checklist": checklist, "can_decide": can_decide,
        "errors": errors, "posted": request.POST, "candidates": candidates, "history": history,
    })


@require_POST
@role_required(*REVIEW_ROLES)
def add_block_comment(request, assignment_id):
    """A reviewer comments on one block of one lesson, from the review page."""
    assignment = get_object_or_404(ReviewAssignment.objects.select_related("course", "task_state"), pk=assignment_id)
    if assignment.reviewer_id != request.user.pk:
        raise Http404
    block_id = request.POST.get("block", "")[:64]
    try:
        block_comments.add_block_comment(
            assignment=assignment, reviewer=request.user, lesson_id=parse_id(request.POST.get("lesson", "")),
            block_id=block_id, text=request.POST.get("text", "")[: block_comments.MAX_LENGTH + 1],
        )
    except services.ReviewError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your comment is saved; the authors are told."))
    url = reverse("sme:review:review", args=[assignment.pk])
    return redirect(url + (f"#block-{block_id}" if block_id.replace("-", "").isalnum() else ""))


@require_POST
@role_required(*REVIEW_ROLES)
def resolve_block_comment(request, course_id):
    """An author marks a reviewer's block comment as dealt with; it stays in the round's history."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if request.user.pk not in course_author_ids(course):
        raise Http404
    try:
        comment = block_comments.resolve_block_comment(
            comment_id=parse_id(request.POST.get("comment", "")), course=course, by=request.user
        )
    except services.ReviewError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("sme:review:course", args=[course.pk]) + "#comments")
    messages.success(request, _("Marked as resolved: %(who)s's comment on “%(lesson)s”.")
                     % {"who": comment.author.display_name, "lesson": comment.lesson.title})
    return redirect(reverse("sme:review:course", args=[course.pk]) + f"#comment-{comment.pk}")


@require_POST
@role_required(Role.LD_ADMIN)
def reassign(request, assignment_id):
    assignment = get_object_or_404(ReviewAssignment, pk=assignment_id)
    new_reviewer = User.objects.filter(pk=parse_id(request.POST.get("reviewer", "")) or 0, is_active=True).first()
    if new_reviewer is None:
        messages.error(request, _("Choose who should review instead."))
        return redirect("sme:review:review", assignment_id=assignment.pk)
    try:
        new = services.reassign(assignment=assignment, new_reviewer=new_reviewer, by=request.user)
    except services.ReviewError as exc:
        messages.error(request, str(exc))
        return redirect("sme:review:review", assignment_id=assignment.pk)
    messages.success(request, _("%(name)s now reviews this course.") % {"name": new_reviewer.display_name})
    return redirect("sme:review:review", assignment_id=new.pk)


@role_required(*REVIEW_ROLES)
def course_reviews(request, course_id):
    """The whole review history of a course, for its authors, its reviewers and L&D."""
    course = get_object_or_404(CoursePage, pk=course_id)
    history = list(selectors.review_history(course)[:200])
    allowed = (
        request.user.has_role(Role.LD_ADMIN)
        or request.user.pk in course_author_ids(course)
        or any(a.reviewer_id == request.user.pk for a in history)
    )
    if not allowed:
        raise Http404
    number_assignments(history)
    comments = list(block_comments.comments_of_course(course))
    numbers = round_numbers([c.task_state_id for c in comments])
    rounds = {}
    for c in comments:
        c.round_number = numbers.get(c.task_state_id, 1)
        rounds.setdefault(c.round_number, []).append(c)
    context = {
        "course": course, "history": history, "is_author": request.user.pk in course_author_ids(course),
        "comment_rounds": sorted(rounds.items(), reverse=True),
    }
    if request.user.pk in course_author_ids(course):
        chosen = suggestions.suggestions_for(course=course)
        taken = {s.reviewer_id for s in chosen}
        context.update(suggestions=chosen, eligible=[
            u for u in suggestions.eligible_reviewers(course=course) if u.pk not in taken
        ])
    return render(request, "review/course.html", context)


@require_POST
@role_required(*REVIEW_ROLES)
def suggest(request, course_id):
    """The authors add (or, with `remove`, withdraw) a suggested reviewer."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if request.user.pk not in course_author_ids(course):
        raise Http404
    person = User.objects.filter(pk=request.POST.get("reviewer") or 0, is_active=True).first()
    if person is None:
        messages.error(request, _("Choose a reviewer to suggest."))
    else:
        try:
            if request.POST.get("remove"):
                suggestions.withdraw_suggestion(course=course, reviewer=person, by=request.user)
                messages.success(request, _("%(name)s is no longer suggested.") % {"name": person.display_name})
            else:
                suggestions.suggest_reviewer(course=course, reviewer=person, by=request.user)
                messages.success(request, _("%(name)s will be asked first when the course is submitted.")
                                 % {"name": person.display_name})
        except services.ReviewError as exc:
            messages.error(request, str(exc))
    return redirect("sme:review:course", course_id=course.pk)


@require_POST
@role_required(*REVIEW_ROLES)
def nudge(request, assignment_id):
    """An author reminds a late reviewer, once a day."""
    assignment = get_object_or_404(ReviewAssignment.objects.select_related("course", "reviewer"), pk=assignment_id)
    if request.user.pk not in course_author_ids(assignment.course):
        raise Http404
    try:
        sent = nudges.nudge_reviewer(assignment=assignment, by=request.user)
    except services.ReviewError as exc:
        messages.error(request, str(exc))
    else:
        if sent:
            messages.success(request, _("%(name)s got your reminder.") % {"name": assignment.reviewer.display_name})
        else:
            messages.info(request, _("%(name)s was already reminded today; try again tomorrow.")
                          % {"name": assignment.reviewer.display_name})
    return redirect("sme:workspace")


@role_required(*REVIEW_ROLES)
def cancel(request, course_id):
    """Stop a course's review, after a confirmation: its authors, or an L&D admin (the authors are told)."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not cancelling.may_cancel(course=course, user=request.user):
        raise Http404
    state = course.current_workflow_state
    if request.method == "POST":
        try:
            cancelling.cancel_review(course=course, by=request.user, reason=request.POST.get("reason", ""))
        except services.ReviewError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The review of “%(course)s” is cancelled; its reviews are closed.")
                             % {"course": course.title})
        return redirect("sme:review:course", course_id=course.pk)
    pending = ReviewAssignment.objects.filter(course=course, decision=ReviewDecision.PENDING).select_related("reviewer")
    return render(request, "review/cancel.html", {
        "course": course, "state": state, "pending": list(pending[:50]),
        "is_author": request.user.pk in course_author_ids(course),
    })
