"""The maturity radar and history, and the self-assessment form with the platform's evidence."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from governance.forms import MaturityForm
from governance.maturity import DIMENSIONS, LEVELS
from governance.permissions import LD, READERS
from governance.selectors import roadmap as roadmap_selectors
from governance.selectors.charts import maturity_radar
from governance.selectors.evidence import maturity_evidence
from governance.services import maturity as maturity_services
from guild.core.permissions import role_required
from guild.people.roles import Role


@role_required(*READERS)
def maturity(request):
    assessments = roadmap_selectors.maturity_history()
    return render(request, "governance/maturity.html", {
        "assessments": assessments, "rows": roadmap_selectors.comparison(assessments), "radar": maturity_radar(assessments),
        "levels": LEVELS, "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def maturity_assess(request):
    assessments = roadmap_selectors.maturity_history()
    previous = assessments[0] if assessments else None
    form = MaturityForm(request.POST or None, previous=previous)
    if request.method == "POST" and form.is_valid():
        maturity_services.record_assessment(by=request.user, ratings=form.ratings(), notes=form.cleaned_data["notes"])
        messages.success(request, _("Assessment saved. Here is how it compares with last time."))
        return redirect("governance:maturity")
    evidence = maturity_evidence()
    sections = [{
        "dimension": d, "level_field": form[f"level_{d.key}"], "next_field": form[f"next_{d.key}"],
        "descriptions": [(n, LEVELS[n], d.description(n)) for n in LEVELS], "evidence": evidence.get(d.key, []),
        "previous": previous.by_dimension.get(d.key) if previous else None,
    } for d in DIMENSIONS]
    return render(request, "governance/maturity_form.html", {"form": form, "sections": sections})
