"""Skills pages: the levels job roles require (L&D), my levels (everyone), levels to validate (managers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guild.core.permissions import role_required
from guild.people.roles import Role
from guild.skills.models import JobRole, PersonSkill, Skill, SkillLevel

from . import assessment, held_levels, requirements, selectors
from .forms import (
    HeldLevelsImportForm,
    OwnLevelForm,
    RequirementsImportForm,
    ReviewLevelForm,
    grid_levels,
)

REVIEWERS = (Role.MANAGER, Role.LD_ADMIN)


@role_required(Role.LD_ADMIN)
def requirement_grid(request):
    roles, rows = selectors.requirement_grid()
    errors = []
    if request.method == "POST":
        levels, bad = grid_levels(request.POST, role_ids={r.pk for r in roles}, skill_ids={s.pk for s, _c in rows})
        if bad:
            errors = [_("A level in the form is not one of 1 to 5 (or a job role or skill was removed meanwhile): "
                        "nothing was saved. Reload the page and try again.")]
        else:
            change = requirements.save_levels(by=request.user, levels=levels)
            messages.success(request, _("Required levels saved: %(created)s added, %(updated)s changed, "
                                        "%(removed)s removed.") % vars(change))
            return redirect("skills:requirements")
    return render(request, "skills/requirements.html", {
        "roles": roles, "rows": rows, "levels": SkillLevel.choices, "errors": errors,
    }, status=400 if errors else 200)


@role_required(Role.LD_ADMIN)
def requirement_import(request):
    form = RequirementsImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = requirements.import_csv(by=request.user, text=form.cleaned_data["file"])
        if result.ok:
            messages.success(request, _("Imported: %(created)s added, %(updated)s changed, %(removed)s removed.")
                             % vars(result.change))
            return redirect("skills:requirements")
    return render(request, "skills/requirements_import.html", {"form": form, "result": result},
                  status=400 if result and not result.ok else 200)


@role_required(Role.LD_ADMIN)
def requirement_export(request):
    response = HttpResponse(requirements.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="required-skill-levels.csv"'
    return response


@role_required(Role.LD_ADMIN)
def held_import(request):
    """People's held levels from a CSV file (courses.skill_levels.held_levels says what each line does)."""
    form = HeldLevelsImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = held_levels.import_held_levels(by=request.user, text=form.cleaned_data["file"], filename=form.filename)
        if result.ok:
            messages.success(request, _("Skill levels imported: %(added)s added, %(raised)s raised, %(lowered)s lowered, "
                                        "%(confirmed)s confirmed, %(unchanged)s unchanged.") % vars(result.change))
            return redirect("skills:held_import")
    return render(request, "skills/held_import.html", {"form": form, "result": result},
                  status=400 if result and not result.ok else 200)


@role_required(Role.LD_ADMIN)
def held_export(request):
    """Every held level in the import's format; `?sample=1`: a small example file instead."""
    sample = request.GET.get("sample") == "1"
    response = HttpResponse(held_levels.sample_csv() if sample else held_levels.export_held_levels(),
                            content_type="text/csv; charset=utf-8")
    name = "skill-levels-sample.csv" if sample else "skill-levels.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def my_levels(request):
    form = OwnLevelForm(request.POST or None, initial={"skill": request.GET.get("skill")})
    if request.method == "POST" and form.is_valid():
        held = assessment.record_own_level(person=request.user, **form.cleaned_data)
        if request.user.manager:
            text = _("Your level in %(skill)s is recorded: %(level)s. Your manager is asked to validate it.")
        else:
            text = _("Your level in %(skill)s is recorded: %(level)s.")
        messages.success(request, text % {"skill": held.skill.name, "level": held.get_level_display()})
        return redirect("skills:mine")
    held = list(selectors.levels_of(person=request.user))
    required = selectors.required_levels(person=request.user)
    held_ids = {h.skill_id for h in held}
    missing = list(Skill.objects.filter(pk__in=set(required) - held_ids).order_by("name")) if required else []
    return render(request, "skills/mine.html", {
        "form": form, "held_levels": held, "required": required, "missing": missing,
        "job_role": JobRole.objects.filter(pk=request.user.job_role_id).first() if request.user.job_role_id else None,
    })


@role_required(*REVIEWERS)
def to_validate(request):
    pending = list(selectors.awaiting_validation(by=request.user)[:500])
    return render(request, "skills/to_validate.html", {"pending": pending, "levels": SkillLevel.choices})


@require_POST
@role_required(*REVIEWERS)
def review(request, pk):
    held = get_object_or_404(PersonSkill.objects.select_related("person", "skill"), pk=pk)
    if not assessment.can_review(by=request.user, person=held.person):
        raise Http404  # not one of their people
    form = ReviewLevelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a level from 1 to 5."))
        return redirect("skills:to_validate")
    before = held.level
    assessment.review_level(by=request.user, held=held, level=form.cleaned_data["level"])
    values = {"person": held.person.display_name, "skill": held.skill.name, "level": held.get_level_display()}
    if held.level != before:
        messages.success(request, _("%(person)s's level in %(skill)s is now %(level)s; they are told.") % values)
    else:
        messages.success(request, _("%(person)s's level in %(skill)s is validated: %(level)s; they are told.") % values)
    return redirect("skills:to_validate")


