"""How the OpenAPI schema describes Guild's API beyond what drf-spectacular infers."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from guild.core.api_errors import PROBLEM_MEDIA_TYPE, ProblemSerializer


def only_the_guild_api(endpoints):
    """The OpenAPI schema documents /api/ only, not Wagtail's internal admin API."""
    return [e for e in endpoints if e[0].startswith("/api/")]


# Every operation may answer with these (guild.core.api_errors shapes them): a request the API
# cannot accept (a field, a filter, a cursor), no or a bad token, a role or scope that does not
# allow it, nothing there, too many requests.
ERROR_RESPONSES = {
    "400": "The request is invalid: a field, a query parameter or the body; see `errors`.",
    "401": "No token, or a token that is not valid, revoked, or of a deactivated person.",
    "403": "The token lacks the scope, or its person the role, for this operation.",
    "404": "No such resource, or one the token's person may not see; or a stale page cursor.",
    "409": "The request clashes with a record that exists (an email address, an employee id, a slug).",
    "415": "The body is not JSON: send `Content-Type: application/json`.",
    "429": "Too many requests: wait for the seconds in Retry-After.",
}


SLUG = "^[-a-zA-Z0-9_]+$"
TEXT_WITH_SOMETHING = "^[^\\x00]*[^\\x00\\s][^\\x00]*$"


class GuildAutoSchema(AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.SlugField) and "pattern" not in schema:
            schema["pattern"] = SLUG
        # DRF's text fields refuse NUL characters (PostgreSQL cannot store them) and, unless blank is
        # allowed (drf-spectacular then adds a oneOf branch for ""), text that is only white space.
        if (isinstance(field, serializers.CharField) and schema.get("type") == "string"
                and not {"pattern", "format", "enum"} & set(schema)):
            schema["pattern"] = "^[^\\x00]+$" if field.allow_blank else TEXT_WITH_SOMETHING
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, description in ERROR_RESPONSES.items():
            responses.setdefault(code, self._get_response_for_code(
                OpenApiResponse(ProblemSerializer, description=description), code, [PROBLEM_MEDIA_TYPE], direction))
        return responses
