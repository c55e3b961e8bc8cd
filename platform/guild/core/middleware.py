from django.core.exceptions import PermissionDenied
from django.urls import reverse


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
