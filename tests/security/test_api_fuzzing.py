"""schemathesis generates requests from Guild's own OpenAPI schema (valid and invalid bodies, path
ids and query parameters) and sends them, with an L&D admin's read-and-write token, to the API
running in this process: no operation may answer with a server error. Whether responses conform
to the schema belongs to the API conformance work (issue 16); this run guards against 500s."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from guild.people.roles import Role
from guild.people.tokens import create_token
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

EXAMPLES = 25  # per operation; 19 operations


@pytest.fixture
def api_token(db):
    admin = make_user(Role.LD_ADMIN, email="fuzz.admin@example.com")
    learner = make_user(email="fuzz.learner@example.com", employee_id="E-100")
    enrol(learner, make_course("Fuzzed course", authors=[make_user(Role.EXPERT)]))
    return create_token(user=admin, name="schemathesis", scopes="read,write")[1]


@pytest.fixture
def in_process_api(db):
    """Guild's WSGI application, as schemathesis calls it. As Django's test client does, a finished
    request must not close the connection that holds the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_no_api_operation_answers_with_a_server_error(in_process_api, api_token):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", in_process_api)
    headers = {"Authorization": f"Bearer {api_token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19, "the schema lost operations"
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        try:
            no_server_error()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
