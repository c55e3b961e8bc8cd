import base64
import bisect
import json
import re

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class IdCursorPagination(CursorPagination):
    """Stable keyset pagination for sync clients: by id, never by offset. A cursor that is not one
    this API made is a 404 (DRF's "Invalid cursor"); a page size out of range is a 400."""

    ordering = "id"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500

    CURSOR_PATTERN = "^[A-Za-z0-9_=-]*$"  # what encode_cursor makes (URL-safe base64)

    def decode_cursor(self, request):
        # base64 decoding skips characters it does not know: "`" would read as "no cursor".
        raw = request.query_params.get(self.cursor_query_param, "")
        if not re.match(self.CURSOR_PATTERN, raw):
            raise NotFound(self.invalid_cursor_message)
        return super().decode_cursor(request)

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 4 and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError({self.page_size_query_param: [
                _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
            if parameter["name"] == self.cursor_query_param:
                parameter["schema"] = {"type": "string", "pattern": self.CURSOR_PATTERN}
        return parameters


class RankedListCursorPagination(IdCursorPagination):
    """Cursor pages over a list ranked in Python (the needs' public priority is computed, not stored).

    The cursor is the last item's ranking key, not a position: the next page starts after that key, so
    a need posted meanwhile shifts nothing already read. Forward only, like a sync client reads."""

    def paginate_ranked(self, items, request, *, key):
        """`items` sorted ascending by `key(item)`, a tuple of JSON values. Returns this page's items."""
        self.request = request
        size = self.get_page_size(request)
        keys = [list(key(item)) for item in items]
        start = 0
        raw = request.query_params.get(self.cursor_query_param)
        if raw:
            if not re.match(self.CURSOR_PATTERN, raw):
                raise NotFound(self.invalid_cursor_message)
            try:
                after = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
                if keys and [type(v) for v in after] != [type(v) for v in keys[0]]:
                    raise TypeError("a key of another shape")
                start = bisect.bisect_right(keys, after)
            except (ValueError, TypeError):  # not JSON, or a key of another shape
                raise NotFound(self.invalid_cursor_message) from None
        page = items[start:start + size]
        self._next_key = keys[start + size - 1] if start + size < len(items) else None
        return page

    def get_ranked_response(self, data):
        url = self.request.build_absolute_uri()
        next_url = None
        if self._next_key is not None:
            cursor = base64.urlsafe_b64encode(json.dumps(self._next_key).encode()).decode("ascii")
            next_url = replace_query_param(url, self.cursor_query_param, cursor)
        return Response({"next": next_url, "previous": None, "results": data})

