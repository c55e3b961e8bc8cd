"""Bad input on every URL and every form: what an attacker's probe sends, so a person never meets a 500.

- Every path id: a number too large for any integer column, in every pattern that takes one.
- Every form on every page an L&D admin can open (the role that sees the most forms): each field
  overlong, with a NUL byte, with a huge number, with a choice that does not exist.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.db import transaction

HUGE = "99999999999999999999999"
# A formset's bookkeeping, not something a person types: Wagtail's own formsets (modelcluster) trust it.
# (Wagtail's InlinePanel also sorts its rows by a tampered -ORDER without checking it: a KeyError.)
MANAGEMENT_FIELDS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS", "-id", "-ORDER", "-DELETE")
NUMERIC_CONVERTERS = ("<id:", "<page_id:", "<int:", "[0-9]+)", "\\d+)")


def with_huge_ids(route: str, values: dict) -> dict | None:
    """`values` with every numeric parameter replaced by HUGE, or None when the route has none."""
    numeric = [name for name in values if _is_numeric(route, name)]
    if not numeric:
        return None
    return {**values, **dict.fromkeys(numeric, HUGE)}


def _is_numeric(route: str, name: str) -> bool:
    for marker in (f"<id:{name}>", f"<page_id:{name}>", f"<int:{name}>", f"(?P<{name}>[0-9]+)", f"(?P<{name}>\\d+)"):
        if marker in route:
            return True
    return False


class _Forms(HTMLParser):
    """The POST forms of a page: action and fields (name, kind, options)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            kind = "textarea" if tag == "textarea" else (a.get("type") or "text").lower()
            self._form["fields"].append({"name": a["name"], "kind": kind, "value": a.get("value") or ""})
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "kind": "select", "value": ""}
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None and not self._select["value"]:
            self._select["value"] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def post_forms(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def payloads(form: dict):
    """(label, data) pairs: one bad value at a time across every field a person types into."""
    base = {f["name"]: f["value"] for f in form["fields"] if f["kind"] not in ("submit", "button", "file")}
    typed = [f for f in form["fields"] if f["kind"] in (
        "text", "textarea", "email", "url", "search", "number", "date", "datetime-local", "select", "hidden", "tel",
    ) and f["name"] != "csrfmiddlewaretoken" and not f["name"].endswith(MANAGEMENT_FIELDS)]
    if not typed:
        return
    # 10,001 characters: over every text column's limit, while the whole form stays under Django's
    # request size limit (DATA_UPLOAD_MAX_MEMORY_SIZE), which is a different refusal.
    for label, bad in (("overlong", "x" * 10_001), ("NUL byte", "a\x00b"), ("huge number", HUGE),
                       ("decimal past any column", "1e309"), ("negative", "-1")):
        yield label, {**base, **{f["name"]: bad for f in typed}}


def sweep_forms(client, page_urls: list[str]) -> list[str]:
    """POST every bad payload into every form of every page; returns the server errors found."""
    errors = []
    for page_url in page_urls:
        response = client.get(page_url)
        if response.status_code != 200 or response.streaming or "text/html" not in response.get("Content-Type", ""):
            continue
        for form in post_forms(response.content.decode()):
            action = urljoin(page_url, form["action"]) if form["action"] else page_url
            if urlsplit(action).path.startswith(("/accounts/logout", "/cms/logout")):
                continue
            for label, data in payloads(form):
                with transaction.atomic():
                    answer = client.post(action, data)
                    transaction.set_rollback(True)
                if answer.status_code >= 500:
                    errors.append(f"{label} into the form at {page_url} (POST {action}): {answer.status_code}")
    return errors
