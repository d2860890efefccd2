"""Schemathesis against the live server's /openapi.json: valid and invalid requests generated
for every published operation (the upload route included), a bounded number each; the server
must never answer 5xx, and what it answers must match the schema it publishes.

Each operation is driven through `APIOperation.as_strategy` under Hypothesis rather than
`schemathesis.pytest.from_fixture`: schemathesis 4.32's lazy loader sets `node._nodeid`,
which pytest 9 no longer has.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from tests.live_server import start_server

pytestmark = pytest.mark.slow

EXAMPLES = 20  # per operation: enough to find a 500 on a malformed field, bounded for CI time
OPERATIONS = [
    ("POST", "/api/ask"),
    ("POST", "/api/search"),
    ("GET", "/api/documents"),
    ("POST", "/api/documents"),
    ("DELETE", "/api/documents/{doc_id}"),
    ("GET", "/api/health"),
    ("POST", "/api/session"),
    ("DELETE", "/api/session"),
    ("POST", "/v1/chat/completions"),
    ("GET", "/v1/models"),
]
CHECKS = [checks.not_a_server_error, checks.response_schema_conformance, checks.content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    """One server (bundled reports indexed, no token) for the whole module."""
    server = start_server(tmp_path_factory.mktemp("schemathesis") / "data")
    try:
        yield schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    finally:
        server.stop()


def test_every_published_operation_is_exercised(api_schema):
    published = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert published == set(OPERATIONS)


@pytest.mark.parametrize("method, path", OPERATIONS)
def test_no_request_makes_the_server_fail(api_schema, method, path):
    operation = api_schema[path][method]
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(cases)
    def check(case):
        case.call_and_validate(checks=CHECKS, timeout=60)

    check()
