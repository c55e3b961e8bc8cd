"""A person's report subscriptions: subscribe from a report's page, list, resume and stop them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from governance.reports import catalogue, subscriptions
from governance.reports.models import Frequency, ReportSubscription


def _back(request, fallback):
    target = request.POST.get("next", "")
    # Only a path on this site: anything else (a view name, "-1") is not where the person came from.
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def subscribe(request):
    params = QueryDict(request.POST.get("params", "")[:2000])
    result = subscriptions.subscribe(
        subscriber=request.user, report=request.POST.get("report", ""), target=request.POST.get("target", ""),
        params={k: params.get(k) for k in params}, frequency=request.POST.get("frequency", ""),
        file_format=request.POST.get("file_format", "xlsx"))
    if result.error:
        messages.error(request, result.error)
        return _back(request, "governance:report_subscriptions")
    messages.success(request, _("Subscribed: you will receive this report by email %(when)s. Manage your "
                                "subscriptions from your profile.") % {
        "when": Frequency(result.subscription.frequency).label.lower()})
    return _back(request, "governance:report_subscriptions")


@login_required
def subscription_list(request):
    subs = list(ReportSubscription.objects.filter(subscriber=request.user))
    rows = []
    for sub in subs:
        kind = catalogue.get(sub.report)
        rows.append({"sub": sub, "title": kind.title(sub.target, sub.params) if kind else sub.report,
                     "url": kind.url(sub.target, sub.params) if kind else "",
                     "filters": ", ".join(f"{k}: {v}" for k, v in sub.params.items())})
    return render(request, "governance/reports/subscriptions.html", {"rows": rows})


@login_required
@require_POST
def subscription_delete(request, pk):
    if not subscriptions.unsubscribe(subscriber=request.user, subscription_id=pk):
        raise Http404
    messages.success(request, _("Unsubscribed: you will not receive this report any more."))
    return redirect("governance:report_subscriptions")


@login_required
@require_POST
def subscription_resume(request, pk):
    result = subscriptions.resume(subscriber=request.user, subscription_id=pk)
    if result.subscription is None:
        raise Http404
    if result.error:
        messages.error(request, result.error)
    else:
        messages.success(request, _("Resumed: the next email goes out this period."))
    return redirect("governance:report_subscriptions")
