"""scim2-tester, the SCIM conformance checker, against Guild's /scim/v2/: 0 failures.

It reads the discovery endpoints, then for Users and Groups creates, reads, lists and searches with
`attributes`/`excludedAttributes`, replaces (PUT), deletes (then expects 404), and PATCHes every
attribute Guild publishes (add, remove, replace), plus a 404 for an unknown URL. It speaks HTTP to a
live server, as an identity provider would: Guild's whole stack, from the socket up."""

import time
from collections import Counter

import httpx2
import pytest
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server


@pytest.mark.django_db(transaction=True)
def test_scim2_tester_reports_no_failure(live_server, scim_token):
    http = httpx2.Client(base_url=f"{live_server.url}/scim/v2",
                         headers={"Authorization": f"Bearer {scim_token}"}, timeout=30)
    client = SyncSCIMClient(client=http)
    started = time.monotonic()
    results = check_server(client)
    http.close()
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
