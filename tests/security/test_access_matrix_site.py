"""The authorisation matrix for Guild's own pages, its API, allauth's and Wagtail's front end:
every URL pattern × anonymous and each role, against tests/security/access_matrix.txt; and the
bad-input sweep over the same URLs and every form on them."""

import pytest
from django.test import Client

from tests.support.access_matrix import (
    check,
    format_row,
    huge_id_errors,
    pages_an_admin_opens,
    rows_for,
    unlisted_rows,
)
from tests.support.bad_input_sweep import sweep_forms

ADMIN_PREFIXES = ("cms/", "django-admin/")


def test_every_url_pattern_outside_the_admins_has_a_row_in_the_table():
    missing = unlisted_rows(ADMIN_PREFIXES, inside=False)
    assert not missing, "Add these rows to tests/security/access_matrix.txt (run the matrix to see what they answer):\n" + "\n".join(
        format_row(r.route, r.case, r.method, r.expected) for r in missing
    )


@pytest.mark.django_db
def test_each_role_gets_exactly_the_access_the_table_gives(matrix_org):
    mismatches, _ = check(rows_for(ADMIN_PREFIXES, inside=False), matrix_org, matrix_org["users"])
    assert not mismatches, f"{len(mismatches)} URLs answer differently from the table:\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_no_path_id_too_large_for_an_integer_gives_a_server_error(matrix_org):
    errors = huge_id_errors(rows_for(ADMIN_PREFIXES, inside=False), matrix_org, matrix_org["users"])
    assert not errors, "These answer 5xx:\n" + "\n".join(errors)


@pytest.mark.django_db
def test_no_form_answers_bad_input_with_a_server_error(matrix_org):
    """Overlong text, NUL bytes, huge numbers, impossible decimals and choices into every field of
    every form an L&D admin or a learner meets on Guild's pages."""
    admin, learner = Client(raise_request_exception=False), Client(raise_request_exception=False)
    admin.force_login(matrix_org["users"]["ld_admin"])
    learner.force_login(matrix_org["users"]["learner"])
    errors = sweep_forms(admin, pages_an_admin_opens(rows_for(ADMIN_PREFIXES, inside=False), matrix_org))
    errors += sweep_forms(learner, [matrix_org["course_url"], matrix_org["lesson_url"], "/me/", "/needs/new/",
                                    "/kudos/new/", "/notifications/preferences/"])
    assert not errors, "Bad input answered with a server error:\n" + "\n".join(errors)
