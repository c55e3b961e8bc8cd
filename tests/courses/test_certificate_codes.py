"""Verification codes typed with the spaces or hyphens people add are accepted. Issue 20, found 7."""

import pytest

from tests.support.courses import complete_course_for, make_course

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["{a}-{b}-{c}-{d}", "{a} {b} {c} {d}", " {a}{b}–{c}{d} "])
def test_a_code_with_hyphens_or_spaces_is_found(client, learner, typed):
    certificate = complete_course_for(learner, make_course("SQL", lessons=1))
    code = certificate.code.lower()
    a, b, c, d = code[0:4], code[4:8], code[8:12], code[12:]
    response = client.get("/certificates/verify/", {"code": typed.format(a=a, b=b, c=c, d=d)})
    assert response.status_code == 200
    assert "Valid certificate" in response.content.decode()


def test_a_wrong_code_still_says_so(client):
    response = client.get("/certificates/verify/", {"code": "1234-5678"})
    assert response.status_code == 404 and "No certificate has this code" in response.content.decode()
