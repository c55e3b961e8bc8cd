from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from . import health
from .navigation import home_panels_for


@require_POST
def admin_logout(request, *args, **kwargs):
    """Wagtail's /cms/logout/ answers a GET with 405 but deletes the session cookie all the same, so
    any page could sign a person out with an image tag. Only a POST (with its CSRF token) signs out."""
    return WagtailLogoutView.as_view()(request, *args, **kwargs)


def not_found(request, *args, **kwargs):
    raise Http404


@login_required
def home(request):
    """The signed-in home: each app contributes panels for the roles it serves."""
    return render(request, "core/home.html", {"panels": home_panels_for(request)})


@never_cache
@require_GET
def healthz(request):
    """Database, broker and worker, each bounded in time (see guild.core.health); 503 if any is down."""
    healthy, checks = health.report()
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
