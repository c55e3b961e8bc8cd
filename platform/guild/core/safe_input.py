"""One way to read what a person sends in a URL: ids that fit the database, and redirects that stay
on this site. Bad values become a 404 or a clear 400, never a database error (a 500)."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

# Wagtail's page ids are PostgreSQL integers; every other Guild table uses bigint ids.
MAX_PAGE_ID = 2**31 - 1
MAX_ID = 2**63 - 1


def parse_id(value, *, maximum=MAX_ID) -> int | None:
    """`value` as an id, or None when it is not a whole number from 1 to `maximum`."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= maximum else None


class IdConverter:
    """`<id:pk>`: like `<int:pk>`, but a number too large for the table does not match (404)."""

    regex = "[0-9]{1,19}"
    maximum = MAX_ID

    def to_python(self, value):
        number = parse_id(value, maximum=self.maximum)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


class PageIdConverter(IdConverter):
    """`<page_id:lesson_id>`: a Wagtail page's id."""

    regex = "[0-9]{1,10}"
    maximum = MAX_PAGE_ID


def local_url(request, url) -> str:
    """`url` when it is a path on this site (a "back" link or redirect may go there), else ""."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return ""


def redirect_back(request, next_url, fallback, *args, **kwargs):
    """Redirect to `next_url` when it is a path on this site, else to `fallback` (a URL name)."""
    if local_url(request, next_url):
        return redirect(next_url)
    return redirect(fallback, *args, **kwargs)
