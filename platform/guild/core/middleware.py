from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _


class AdminAccessMiddleware:
    """A signed-in person without admin access gets a clear 403 at /cms/.

    Wagtail would send them to the sign-in page, which sends a signed-in person straight
    back to ?next=/cms/: a redirect loop."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.prefix)
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied
        return self.get_response(request)


class AdminGuardsMiddleware:
    """Runs the guards features registered in guild.core.admin_guards on every admin view: a page
    that must stay hidden from this person is not found, whichever Wagtail screen names it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from . import admin_guards

        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (request.path.startswith(self.prefix) and user is not None and user.is_authenticated
                and admin_guards.refuses(request, request.resolver_match)):
            raise Http404
        return None


class RejectNulBytesMiddleware:
    """A NUL byte in the path, the query string or a form's fields is refused with a 400.

    No page needs one and PostgreSQL cannot store or compare one (a search or a post holding one
    would be a 500). Django's form fields refuse it too, but several of Guild's small forms are read
    straight from request.POST, so the rule lives here once. Uploaded files are not looked at."""

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _holds_nul(request.GET):
            return self._refuse(request, _("This address contains a NUL character, which no page accepts."))
        if self._small_form(request):
            request.body  # noqa: B018 - read (and keep) the raw body first: a view may still read it
            if _holds_nul(request.POST):
                return self._refuse(request, _("This form contains a NUL character, which no field accepts."))
        return self.get_response(request)

    @staticmethod
    def _refuse(request, message):
        if request.path.startswith("/api/"):  # the API answers every error in its one shape
            from .api_errors import problem_response

            return problem_response(400, code="invalid", detail=message)
        return HttpResponseBadRequest(message)

    def _small_form(self, request) -> bool:
        """A form post small enough to read whole; large uploads are left to their forms' fields."""
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return request.method == "POST" and request.content_type in self.FORM_TYPES and 0 < length <= limit


def _holds_nul(query_dict) -> bool:
    return any("\x00" in key or "\x00" in value for key, values in query_dict.lists() for value in values)


class ContentSecurityPolicyMiddleware:
    """Sends GUILD_CSP on Guild's own pages: scripts only from Guild's static files (no inline script,
    no eval), no framing by other sites, no plugins. Wagtail's admin, Django's admin and the API
    docs (Swagger UI) run inline scripts of their own, so paths under GUILD_CSP_RELAXED_PATHS get
    GUILD_CSP_RELAXED instead. A response that sets its own policy keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            relaxed = request.path.startswith(tuple(settings.GUILD_CSP_RELAXED_PATHS))
            response["Content-Security-Policy"] = settings.GUILD_CSP_RELAXED if relaxed else settings.GUILD_CSP
        return response
