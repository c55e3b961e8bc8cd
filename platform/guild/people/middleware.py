import zoneinfo

from django.utils import timezone, translation


class UserTimezoneMiddleware:
    """Show dates in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.timezone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class UserLanguageMiddleware:
    """A signed-in person's saved language wins over the browser's; others keep LocaleMiddleware's choice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            language = supported_language(user.language)
            if language:
                request.LANGUAGE_CODE = language
                # override, not activate: the thread goes back to the request's own language afterwards,
                # so work done after this response (or in the next test) is not in this person's language.
                with translation.override(language):
                    response = self.get_response(request)
                response.headers.setdefault("Content-Language", language)  # LocaleMiddleware keeps it
                return response
        return self.get_response(request)


def supported_language(code):
    """The LANGUAGES code for `code` ("fr-ca" -> "fr"), or None."""
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None
