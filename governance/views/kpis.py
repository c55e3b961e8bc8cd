"""KPI definitions, one KPI's series, and the CSV import of business metrics."""

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from governance.figures import FIGURES
from governance.forms import KPIForm, KPIImportForm
from governance.models.kpis import KPIDefinition
from governance.permissions import LD, READERS
from governance.selectors.charts import kpi_chart
from governance.selectors.dashboard import Filters, dashboard
from governance.selectors.kpis import kpi_overview
from governance.services import kpis as kpi_services
from governance.views.editing import form_page
from guild.core.permissions import role_required
from guild.people.roles import Role


@role_required(*READERS)
def kpi_list(request):
    # KPIs bound to a platform figure read it from the dashboard for the whole organisation and the
    # default period; the page says so.
    needs_figures = KPIDefinition.objects.exclude(source=KPIDefinition.MANUAL).exists()
    dash = dashboard(Filters()) if needs_figures else None
    return render(request, "governance/kpis.html", {
        "kpis": kpi_overview(dash=dash), "filters": dash.filters if dash else None,
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*READERS)
def kpi_detail(request, slug):
    kpi = get_object_or_404(KPIDefinition, slug=slug)
    figure = FIGURES.get(kpi.source) if kpi.is_computed else None
    return render(request, "governance/kpi.html", {"kpi": kpi, "chart": None if kpi.is_computed else kpi_chart(kpi),
                                                   "figure": figure,
                                                   "can_edit": request.user.has_role(Role.LD_ADMIN)})


@role_required(*LD)
def kpi_edit(request, slug=None):
    kpi = get_object_or_404(KPIDefinition, slug=slug) if slug else None
    save = (partial(kpi_services.update_kpi, by=request.user, kpi=kpi) if kpi else
            partial(kpi_services.create_kpi, by=request.user))
    return form_page(request, KPIForm(request.POST or None, instance=kpi), save=save,
                     success_url=lambda o: reverse("governance:kpi", args=[o.slug]),
                     heading=_("Edit KPI") if kpi else _("New KPI"))


@role_required(*LD)
def kpi_import(request):
    form = KPIImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = kpi_services.import_kpi_csv(by=request.user, text=form.cleaned_data["file"])
        if result.ok:
            messages.success(request, _("Imported %(n)s values.") % {"n": result.imported})
            return redirect("governance:kpis")
    return render(request, "governance/kpi_import.html", {"form": form, "result": result})
