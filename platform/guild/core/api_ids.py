"""Ids in API URLs and query parameters: a value that is not an id the table can hold is a 404 or a
clear 400, never a database error."""

from rest_framework.exceptions import NotFound, ValidationError

from .safe_input import MAX_ID, parse_id


class IdLookupMixin:
    """For viewsets looked up by a numeric primary key (`/api/things/<id>/`)."""

    lookup_value_regex = "[0-9]+"
    max_lookup_id = MAX_ID

    def get_object(self):
        raw = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if parse_id(raw, maximum=self.max_lookup_id) is None:
            raise NotFound()
        return super().get_object()


def query_id(params, name, *, maximum=MAX_ID) -> int | None:
    """The id given in query parameter `name`, or None when it is absent."""
    raw = params.get(name, "")
    if raw == "":
        return None
    value = parse_id(raw, maximum=maximum)
    if value is None:
        raise ValidationError({name: f"“{raw[:40]}” is not an id."})
    return value
