"""The authorisation matrix: every URL pattern of the URLconf, filled with real objects of a seeded
organisation, requested as anonymous and as each role, and compared with tests/security/access_matrix.txt.

Outcomes, as a person would notice them:
    ok     the page or action answered (2xx, or a redirect somewhere other than a sign-in or refusal)
    sees   it answered, and the body shows the secret: the title of a draft that only its author
           and L&D admins may see
    login  redirected to a sign-in page
    no     refused: 403, 404, 401, 400 on a path id, or Wagtail's "no permission" redirect to its dashboard
    gone   the pattern can never be reached: an earlier pattern answers the same URL (kept so it is listed)
    down   503: /healthz reporting a service it cannot reach (no worker runs beside these tests)
    error  5xx: always a failure, whatever the table says
"""

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

TABLE = Path(__file__).resolve().parents[1] / "security" / "access_matrix.txt"
IDENTITIES = ("anon", "learner", "expert", "reviewer", "manager", "ld_admin", "executive")
DEMO_EMAILS = {
    "learner": "learner@example.com", "expert": "expert@example.com", "reviewer": "reviewer@example.com",
    "manager": "manager@example.com", "ld_admin": "admin@example.com", "executive": "exec@example.com",
}
SECRET_TITLE = "Quasar pricing playbook"  # another author's draft: only its author and L&D admins see it
LOGIN_PATHS = ("/accounts/login/", "/cms/login/", "/django-admin/login/")


@dataclasses.dataclass(frozen=True)
class Pattern:
    route: str            # the full route as the URLconf writes it: the key of a row
    name: str | None      # "namespace:name" for reverse()
    params: tuple[str, ...]
    positional: int       # unnamed regex groups


@dataclasses.dataclass(frozen=True)
class Row:
    route: str
    case: str             # "-" or the name of an object-level case
    method: str
    expected: dict[str, str]


def url_patterns() -> list[Pattern]:
    """Every leaf pattern of the root URLconf, in resolution order."""
    def walk(resolver, prefix, namespace, params) -> Iterator[Pattern]:
        for p in resolver.url_patterns:
            route = prefix + str(p.pattern)
            own = tuple(p.pattern.converters) if hasattr(p.pattern, "converters") else ()
            regex_names = tuple(p.pattern.regex.groupindex)
            names = params + tuple(dict.fromkeys(own + regex_names))
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if p.namespace and namespace else (p.namespace or namespace)
                yield from walk(p, route, ns, names)
            elif isinstance(p, URLPattern):
                name = p.name and (f"{namespace}:{p.name}" if namespace else p.name)
                unnamed = p.pattern.regex.groups - len(p.pattern.regex.groupindex) if not own else 0
                yield Pattern(route=route, name=name, params=names, positional=unnamed)

    return list(walk(get_resolver(), "", "", ()))


def read_table(path: Path = TABLE) -> list[Row]:
    rows = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("  #", 1)[0].rstrip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        assert len(fields) == 3 + len(IDENTITIES), f"{path.name}:{n}: expected {3 + len(IDENTITIES)} columns"
        route, case, method, *cells = fields
        assert route.startswith("/"), f"{path.name}:{n}: a route starts with / (the root URL's is just /)"
        route = route[1:]
        rows.append(Row(route=route, case=case, method=method, expected=dict(zip(IDENTITIES, cells, strict=True))))
    return rows


def format_row(route: str, case: str, method: str, cells: dict[str, str]) -> str:
    return (f"{'/' + route:<100} {case:<10} {method:<5} " + " ".join(f"{cells[i]:<9}" for i in IDENTITIES)).rstrip()


class Requester:
    """One client per identity; each request runs in a savepoint that is rolled back, so no row
    changes what the next one sees (a POST that withdraws an enrolment, signs out, and so on)."""

    def __init__(self, users: dict):
        self.users = users
        self.clients = {}

    def client(self, identity: str) -> Client:
        client = self.clients.get(identity)
        if client is None:
            client = self.clients[identity] = Client(raise_request_exception=False)
            if identity != "anon":
                client.force_login(self.users[identity])
        return client

    def outcome(self, identity: str, method: str, url: str) -> str:
        client = self.client(identity)
        with transaction.atomic():
            if method == "POST" and "/api/" in url:  # Guild's and Wagtail's APIs take JSON bodies only
                response = client.post(url, data="{}", content_type="application/json", follow=True)
            else:
                response = (client.post if method == "POST" else client.get)(url, follow=True)
            transaction.set_rollback(True)
        if identity != "anon" and not client.session.session_key:
            self.clients.pop(identity)  # the request signed this person out: sign in again next time
        return classify(response)


def classify(response) -> str:
    """The outcome of a request whose redirects were followed to the page a person lands on."""
    hops = [urlsplit(url).path for url, _ in response.redirect_chain]
    if any(hop.startswith(LOGIN_PATHS) for hop in hops):
        return "login"
    status = response.status_code
    if status >= 500:
        return "down" if status == 503 else "error"  # 503: /healthz reporting a service it cannot reach
    if hops and hops[-1] == reverse("wagtailadmin_home") and _refused_by_wagtail(response):
        return "no"
    if status == 405:
        return "405"
    if status >= 400:
        return "no"
    body = b"".join(response) if response.streaming else response.content
    return "sees" if SECRET_TITLE.encode() in body else "ok"


def _refused_by_wagtail(response) -> bool:
    return b"permission to access" in response.content or b"do not have permission" in response.content


def reaches_itself(url: str, pattern: Pattern) -> bool:
    """False when an earlier pattern answers this URL: the pattern is shadowed."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    anchors = re.compile(r"(?<!\[)\^")  # Django drops each included regex's leading ^ when joining
    return anchors.sub("", match.route) == anchors.sub("", pattern.route)


def build_url(pattern: Pattern, values: dict) -> str:
    """The URL for a pattern with its parameters filled from `values` (already chosen for this route)."""
    query = values.pop("?", "")
    if pattern.name and not pattern.positional:
        try:
            url = reverse(pattern.name, kwargs={k: values[k] for k in pattern.params})
        except Exception:  # noqa: BLE001 - an ambiguous name: fall back to filling the route by hand
            url = "/" + _fill_route(pattern.route, values)
    elif pattern.name and pattern.positional:
        url = reverse(pattern.name, args=values["*"])
    else:
        url = "/" + _fill_route(pattern.route, values)
    return url + (f"?{query}" if query else "")


def _fill_route(route: str, values: dict) -> str:
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), route)
    return route.replace("^", "").replace("$", "").replace("\\", "")


def check(rows: list[Row], org: dict, users: dict) -> tuple[list[str], dict]:
    """Request every row as every identity. Returns the mismatches (one line each) and the observed
    cells per (route, case), so a new row can be reviewed and pasted into the table."""
    from tests.support.access_org import literal_url, values_for

    patterns = {p.route: p for p in url_patterns()}
    requester = Requester(users)
    mismatches, observed = [], {}
    for row in rows:
        pattern = patterns[row.route]
        url = literal_url(row.route, row.case, org) or build_url(pattern, values_for(row.route, pattern.params, org))
        if row.case == "-" and not reaches_itself(url, pattern):
            cells = dict.fromkeys(IDENTITIES, "gone")
        else:
            cells = {identity: requester.outcome(identity, row.method, url) for identity in IDENTITIES}
        observed[(row.route, row.case)] = cells
        wrong = [f"{i}: {cells[i]} (expected {row.expected[i]})" for i in IDENTITIES
                 if cells[i] != row.expected[i] or cells[i] == "error"]
        if wrong:
            mismatches.append(f"{row.method} {url}  [{row.route} / {row.case}]\n    " + "; ".join(wrong))
    return mismatches, observed


def huge_id_errors(rows: list[Row], org: dict, users: dict) -> list[str]:
    """Every pattern that takes a numeric id, given one too large for any integer column, as an L&D
    admin (who passes most permission checks, so the id is really looked up): never a 5xx."""
    from tests.support.access_org import values_for
    from tests.support.bad_input_sweep import with_huge_ids

    patterns = {p.route: p for p in url_patterns()}
    requester, errors = Requester(users), []
    for row in rows:
        if row.case != "-":
            continue
        pattern = patterns[row.route]
        values = with_huge_ids(row.route, values_for(row.route, pattern.params, org))
        if values is None:
            continue
        url = "/" + _fill_route(row.route, values)
        if requester.outcome("ld_admin", row.method, url) == "error":
            errors.append(f"{row.method} {url}")
    return errors


def pages_an_admin_opens(rows: list[Row], org: dict) -> list[str]:
    """The URLs of the pages (GET rows) an L&D admin may open: where the forms are."""
    from tests.support.access_org import literal_url, values_for

    patterns = {p.route: p for p in url_patterns()}
    urls = []
    for row in rows:
        if row.method == "GET" and row.expected["ld_admin"] in ("ok", "sees"):
            pattern = patterns[row.route]
            urls.append(literal_url(row.route, row.case, org)
                        or build_url(pattern, values_for(row.route, pattern.params, org)))
    return urls


def rows_for(prefixes: tuple[str, ...], *, inside: bool) -> list[Row]:
    return [r for r in read_table() if r.route.startswith(prefixes) == inside]


def unlisted_rows(prefixes: tuple[str, ...], *, inside: bool) -> list[Row]:
    """Rows to add for patterns the table does not list (expected cells unknown: "?")."""
    from tests.support.access_org import literal_cases

    listed = {(r.route, r.case) for r in read_table()}
    missing = []
    for p in url_patterns():
        if p.route.startswith(prefixes) != inside:
            continue
        for case in ["-", *literal_cases(p.route)]:
            if (p.route, case) not in listed:
                missing.append(Row(route=p.route, case=case, method="GET", expected=dict.fromkeys(IDENTITIES, "?")))
    return missing
