"""Every API error in one shape: RFC 9457 problem details (`application/problem+json`).

    {"type": "urn:guild:problem:invalid", "title": "Bad Request", "status": 400,
     "detail": "The request has errors: see `errors`.", "errors": [{"field": "due_date", "detail": "..."}]}

DRF's own handler decides the status and headers (WWW-Authenticate, Retry-After, Allow); this one
only reshapes the body. Errors DRF does not handle (a crash) stay Django's 500."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:guild:problem:"
NON_FIELD = "non_field_errors"


class ProblemJSONRenderer(JSONRenderer):
    """Lets a client that asks for `application/problem+json` get it (and JSON clients get JSON)."""

    media_type = PROBLEM_MEDIA_TYPE


def _field_errors(detail, prefix=""):
    """Flatten DRF's nested error dict/list into [{"field": "a.0.b", "detail": ..., "code": ...}]."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "" if key == NON_FIELD else str(key)
            yield from _field_errors(value, f"{prefix}.{name}" if prefix and name else (prefix or name))
    elif isinstance(detail, list):
        nested = any(isinstance(item, (dict, list)) for item in detail)
        for index, item in enumerate(detail):
            yield from _field_errors(item, f"{prefix}.{index}" if nested and prefix else prefix)
    else:
        yield {"field": prefix or None, "detail": str(detail), "code": getattr(detail, "code", "invalid")}


def problem(status, *, code, detail, errors=None) -> dict:
    body = {"type": f"{TYPE_PREFIX}{code}", "title": HTTPStatus(status).phrase, "status": status, "detail": str(detail)}
    if errors is not None:
        body["errors"] = errors
    return body


def problem_exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = list(_field_errors(exc.detail))
        if errors and all(error["code"] == "unique" for error in errors):
            # Well formed, but clashes with a record that exists (an email, an employee id, a slug).
            response.status_code = 409
        first = errors[0]["detail"] if len(errors) == 1 and errors[0]["field"] is None else None
        response.data = problem(response.status_code, code="invalid", errors=errors,
                                detail=first or _("The request has errors: see “errors”."))
    else:
        detail = getattr(exc, "detail", None) or HTTPStatus(response.status_code).phrase
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        response.data = problem(response.status_code, code=code, detail=detail)
    response.content_type = PROBLEM_MEDIA_TYPE
    return response


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="The field, dotted for nested ones; null for the whole request.")
    detail = serializers.CharField()
    code = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="A URI naming the kind of problem, e.g. urn:guild:problem:not_found.")
    title = serializers.CharField(help_text="The HTTP status's phrase.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")
    errors = ProblemFieldErrorSerializer(many=True, required=False, help_text="Field errors (status 400 only).")


def problem_response(status, *, code, detail):
    """A problem-details response from outside DRF (middleware, plain Django views)."""
    return JsonResponse(problem(status, code=code, detail=detail), status=status, content_type=PROBLEM_MEDIA_TYPE)


@csrf_exempt  # any method, with or without a cookie, gets the same 404
def api_not_found(request, *args, **kwargs):
    """Any other URL under /api/: a 404 in the API's shape, not the site's HTML page."""
    return problem_response(404, code="not_found", detail=_("No API resource at this address."))
