"""Thin views over sme.services and sme.selectors. Each checks the role on the server."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.boosters.services import recall_report
from courses.models import CoursePage, DiscussionThread, LessonReaction
from courses.selectors.mentions import mention_suggestions
from guild.core.permissions import role_required
from guild.people.models import User
from guild.people.roles import Role
from guild.skills.models import Skill

from . import co_authors, extensions, selectors, services
from .academy import academy_progress
from .community import COMMUNITY_ROLES, COMMUNITY_SPACE
from .forms import (
    AnswerForm,
    CoAuthorForm,
    ExpertSkillForm,
    NominationForm,
    ProfileForm,
    ReplyForm,
    StartCourseForm,
    ThreadForm,
)
from .lesson_ratings import LOW_RATING
from .models import CourseTemplate, ExpertProfile, Nomination

AUTHOR_ROLES = (Role.EXPERT, Role.LD_ADMIN)


@login_required
def directory(request):
    query, skill = request.GET.get("q", "").strip()[:100], request.GET.get("skill", "")[:100]
    page_obj = Paginator(selectors.search_experts(query=query, skill_slug=skill), 24).get_page(request.GET.get("page"))
    return render(request, "sme/directory.html", {
        "page_obj": page_obj, "query": query, "skill": skill, "skills": Skill.objects.order_by("name"),
        "query_string": f"q={query}&skill={skill}",
    })


@login_required
def expert(request, user_id):
    person = selectors.expert_detail(user_id=user_id)
    if person is None:
        raise Http404
    return render(request, "sme/expert.html", {
        "person": person, "profile": getattr(person, "expert_profile", None),
        "written": selectors.courses_written_by(user=person)[:50],
        "reviewed": extensions.courses_reviewed(user=person, limit=50),
        "academy": academy_progress(user=person),
    })


@role_required(Role.EXPERT)
def edit_profile(request):
    profile = ExpertProfile.objects.filter(user=request.user).first() or ExpertProfile(user=request.user)
    form = ProfileForm(instance=profile)
    skill_form = ExpertSkillForm()
    if request.method == "POST":
        if "add_skill" in request.POST:
            skill_form = ExpertSkillForm(request.POST)
            if skill_form.is_valid():
                services.set_expert_skill(user=request.user, **skill_form.cleaned_data)
                messages.success(request, _("Skill saved."))
                return redirect("sme:profile_edit")
        elif "remove_skill" in request.POST:
            skill = Skill.objects.filter(pk=request.POST.get("remove_skill")).first()
            if skill:
                services.remove_expert_skill(user=request.user, skill=skill)
            return redirect("sme:profile_edit")
        else:
            form = ProfileForm(request.POST, instance=profile)
            if form.is_valid():
                services.save_profile(user=request.user, **form.cleaned_data)
                messages.success(request, _("Your profile is saved."))
                return redirect("sme:expert", user_id=request.user.pk)
    person = selectors.expert_detail(user_id=request.user.pk)
    return render(request, "sme/profile_edit.html", {"form": form, "skill_form": skill_form, "person": person})


@login_required
def nominate(request):
    initial = {"nominee": request.GET.get("nominee") or request.user.pk}
    form = NominationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.nominate(nominated_by=request.user, **form.cleaned_data)
        except services.ExpertError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Thank you: the nomination is on its way."))
            return redirect("sme:nominations")
    return render(request, "sme/nominate.html", {"form": form})


@login_required
def nominations(request):
    return render(request, "sme/nominations.html", selectors.nominations_for(user=request.user))


@require_POST
@login_required
def answer_nomination(request, nomination_id):
    nomination = get_object_or_404(Nomination, pk=nomination_id, nominee=request.user)
    try:
        services.respond_to_nomination(nomination=nomination, user=request.user, accept=request.POST.get("accept") == "1")
    except services.ExpertError as exc:
        messages.error(request, str(exc))
    return redirect("sme:nominations")


@require_POST
@role_required(Role.LD_ADMIN)
def decide_nomination(request, nomination_id):
    nomination = get_object_or_404(Nomination, pk=nomination_id)
    try:
        services.decide_nomination(
            nomination=nomination, by=request.user, confirm=request.POST.get("confirm") == "1",
            note=request.POST.get("note", ""),
        )
    except services.ExpertError as exc:
        messages.error(request, str(exc))
    return redirect("sme:nominations")


@role_required(*AUTHOR_ROLES, Role.REVIEWER)
def workspace(request):
    ws = selectors.workspace_for(user=request.user)
    experts = list(selectors.co_author_candidates(user=request.user))
    co_authors.attach_co_authors(ws.drafts + [r.course for r in ws.in_review] + ws.published, experts)
    # Which questions learners forget after the course (their retention boosters' answers).
    recall = recall_report(courses=ws.published)
    return render(request, "sme/workspace.html", {"ws": ws, "recall": recall, "low_rating": LOW_RATING})


@role_required(*AUTHOR_ROLES)
def templates(request):
    return render(request, "sme/templates.html", {
        "templates": CourseTemplate.objects.filter(active=True).prefetch_related("template_lessons", "checklist_items"),
        "form": StartCourseForm(),
    })


@role_required(*AUTHOR_ROLES)
def start_course(request, slug):
    template = get_object_or_404(CourseTemplate, slug=slug, active=True)
    form = StartCourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.start_course_from_template(template=template, author=request.user, title=form.cleaned_data["title"])
        except services.ExpertError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your draft course is ready: write your lessons, then submit it for review."))
            return redirect("wagtailadmin_pages:edit", course.pk)
    return render(request, "sme/start_course.html", {"template": template, "form": form})


@require_POST
@role_required(*AUTHOR_ROLES)
def answer_question(request, reaction_id):
    reaction = get_object_or_404(LessonReaction.objects.select_related("course", "lesson", "learner"), pk=reaction_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write an answer before sending it."))
    else:
        try:
            services.answer_question(reaction=reaction, by=request.user, answer=form.cleaned_data["answer"])
        except services.ExpertError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your answer was sent to the learner."))
    return redirect(reverse("sme:workspace") + "#questions")


@require_POST
@role_required(*AUTHOR_ROLES)
def invite_co_author(request, course_id):
    course = get_object_or_404(CoursePage, pk=course_id)
    form = CoAuthorForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an expert to invite."))
    else:
        try:
            services.invite_co_author(course=course, user=form.cleaned_data["user"], by=request.user)
        except services.ExpertError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(name)s can now edit the course.") % {"name": form.cleaned_data["user"].display_name})
    return redirect("sme:workspace")


@require_POST
@role_required(*AUTHOR_ROLES)
def remove_co_author(request, course_id, user_id):
    course = get_object_or_404(CoursePage, pk=course_id)
    person = get_object_or_404(User, pk=user_id)
    try:
        co_authors.remove_co_author(course=course, user=person, by=request.user)
    except services.ExpertError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(name)s no longer writes “%(course)s”.") % {"name": person.display_name, "course": course.title})
    return redirect("sme:workspace")


@role_required(*COMMUNITY_ROLES)
def community(request):
    form = ThreadForm(request.POST or None, mentions_url=reverse("sme:community_people"))
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(author=request.user, **form.cleaned_data)
        except services.ExpertError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("sme:thread", thread_id=thread.pk)
    page_obj = Paginator(selectors.community_threads(), 20).get_page(request.GET.get("page"))
    return render(request, "sme/community.html", {"page_obj": page_obj, "form": form})


@require_GET
@role_required(*COMMUNITY_ROLES)
def community_people(request):
    """The @mention suggestions of a discussion about to be started in the community."""
    thread = DiscussionThread(space=COMMUNITY_SPACE)
    return JsonResponse({"results": mention_suggestions(thread=thread, user=request.user, query=request.GET.get("q", ""))})


@role_required(*COMMUNITY_ROLES)
def thread(request, thread_id):
    thread = get_object_or_404(selectors.community_threads(), pk=thread_id)
    form = ReplyForm(request.POST or None, mentions_url=reverse("courses:mention_suggestions", args=[thread.pk]))
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(thread=thread, author=request.user, body=form.cleaned_data["body"])
        except services.ExpertError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("sme:thread", thread_id=thread.pk)
    posts = thread.posts.select_related("author").order_by("created_at")[:500]
    return render(request, "sme/thread.html", {"thread": thread, "posts": posts, "form": form})
