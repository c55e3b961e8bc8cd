"""scim2-tester, the SCIM conformance checker, against Guild's /scim/v2/: 0 failures.

It reads the discovery endpoints, then for Users and Groups creates, reads, lists and searches with
`attributes`/`excludedAttributes`, replaces (PUT), deletes (then expects 404), and PATCHes every
attribute Guild publishes (add, remove, replace), plus a 404 for an unknown URL. The requests go
through Guild's whole WSGI application (middleware, URLconf, DRF, the database) in this process:
scim2-client's WSGI engine, so no port and no server thread."""

import time
from collections import Counter

import pytest
from scim2_client.engines.wsgi import WSGISCIMClient
from scim2_tester import Status, check_server


@pytest.fixture
def wsgi_app(db):
    """Guild's WSGI application inside the test's transaction: like Django's test client, keep the
    request signals from closing the test's database connection."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_scim2_tester_reports_no_failure(wsgi_app, scim_token):
    client = WSGISCIMClient(app=wsgi_app, base_url="http://testserver/scim/v2",
                            headers={"Authorization": f"Bearer {scim_token}"})
    started = time.monotonic()
    results = check_server(client)
    tally = Counter(r.status.name for r in results)
    print(f"scim2-tester: {len(results)} checks in {time.monotonic() - started:.1f}s: {dict(sorted(tally.items()))}; "
          f"skipped: {[f'{r.title}: {r.reason}' for r in results if r.status == Status.SKIPPED]}")
    failures = [f"{r.title}: {r.reason}" for r in results if r.status in (Status.ERROR, Status.CRITICAL)]
    ran = {r.title for r in results if r.status == Status.SUCCESS}
    assert not failures, "\n".join(failures)
    # The checks that must have run (not been skipped): discovery, CRUD and PATCH on both resources.
    for title in ("object_creation", "object_query", "object_replacement", "object_deletion",
                  "check_add_attribute", "check_replace_attribute", "check_remove_attribute",
                  "random_url"):
        assert any(title in t for t in ran), f"{title} did not run: {sorted(ran)}"
