from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
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


class RejectNulBytesMiddleware:
    """A NUL byte in the path or the query string is refused with a 400.

    No page needs one, PostgreSQL cannot store or compare one (a search for it would be a 500), and
    forms already refuse it in their fields (Django's ProhibitNullCharactersValidator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or "\x00" in value
                                          for key, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest(_("This address contains a NUL character, which no page accepts."))
        return self.get_response(request)


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
