from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Stable keyset pagination for sync clients: by id, never by offset."""

    ordering = "id"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500
