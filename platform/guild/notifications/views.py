from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from guild.core.safe_input import redirect_back

from . import kinds
from .forms import PreferencesForm
from .models import DeliveryPreference, Notification
from .services import mark_read, read_unsubscribe_token, set_preference, unsubscribe


@login_required
def notification_list(request):
    unread_only = request.GET.get("show") == "unread"
    qs = request.user.notifications.all()
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {
        "page_obj": page, "unread_only": unread_only, "query_string": "show=unread&" if unread_only else "",
    })


@login_required
@require_POST
def mark_all_read(request):
    mark_read(recipient=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_one_read(request, pk):
    # Someone else's notification is not found: it changes nothing and says so.
    get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(recipient=request.user, notification_ids=[pk])
    return redirect_back(request, request.POST.get("next"), "notifications:list")


@login_required
def preferences(request):
    current = dict(DeliveryPreference.objects.filter(user=request.user).values_list("kind", "channel"))
    form = PreferencesForm(request.POST or None, user=request.user, current=current)
    if request.method == "POST" and form.is_valid():
        for kind, channel in form.changed_choices().items():
            set_preference(user=request.user, kind=kind, channel=channel)
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a CSRF token; the signed token is the credential
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    parsed = read_unsubscribe_token(token)
    if parsed is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    kind = kinds.get(parsed[1])
    if request.method == "POST":
        if unsubscribe(token=token) is None:
            return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
        return render(request, "notifications/unsubscribe.html", {"done": True, "kind": kind})
    # GET only asks: link scanners in mail gateways follow links, and must not unsubscribe people.
    return render(request, "notifications/unsubscribe.html", {"kind": kind, "token": token})
