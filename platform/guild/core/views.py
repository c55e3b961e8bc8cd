from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .models import Heartbeat
from .navigation import home_panels_for


@login_required
def home(request):
    """The signed-in home: each app contributes panels for the roles it serves."""
    return render(request, "core/home.html", {"panels": home_panels_for(request)})


@never_cache
@require_GET
def healthz(request):
    checks = {}
    for name, check in (("database", health.check_database), ("broker", health.check_broker)):
        ok, detail = check()
        checks[name] = {"ok": ok, "detail": detail}
    if checks["broker"]["ok"]:
        ok, detail = health.check_worker()
    else:
        ok, detail = False, "broker down"
    checks["worker"] = {"ok": ok, "detail": detail}
    healthy = all(c["ok"] for c in checks.values())
    if checks["database"]["ok"]:
        # Informational: when beat last had a task run. Not part of the verdict (beat may not have ticked yet).
        last = Heartbeat.objects.filter(name="beat").values_list("seen_at", flat=True).first()
        checks["beat"] = {"last_seen": last.isoformat() if last else None}
    return JsonResponse({"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: context processors read the database, which may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
