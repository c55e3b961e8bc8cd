"""The authorisation matrix for Wagtail's admin (pages, API, snippets, people) and Django's admin:
every URL pattern × anonymous and each role, against tests/security/access_matrix.txt; and the
bad-input sweep over the same URLs and Guild's own admin forms (people, teams, skills, templates)."""

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
GUILDS_ADMIN_SCREENS = ("cms/organisation/", "cms/snippets/sme/", "cms/snippets/rewards/", "cms/users/")


def test_every_url_pattern_in_the_admins_has_a_row_in_the_table():
    missing = unlisted_rows(ADMIN_PREFIXES, inside=True)
    assert not missing, "Add these rows to tests/security/access_matrix.txt (run the matrix to see what they answer):\n" + "\n".join(
        format_row(r.route, r.case, r.method, r.expected) for r in missing
    )


@pytest.mark.django_db
def test_each_role_gets_exactly_the_access_the_table_gives(matrix_org):
    mismatches, _ = check(rows_for(ADMIN_PREFIXES, inside=True), matrix_org, matrix_org["users"])
    assert not mismatches, f"{len(mismatches)} URLs answer differently from the table:\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_no_path_id_too_large_for_an_integer_gives_a_server_error(matrix_org):
    errors = huge_id_errors(rows_for(ADMIN_PREFIXES, inside=True), matrix_org, matrix_org["users"])
    assert not errors, "These answer 5xx:\n" + "\n".join(errors)


@pytest.mark.django_db
def test_no_form_of_guilds_admin_screens_answers_bad_input_with_a_server_error(matrix_org):
    admin = Client(raise_request_exception=False)
    admin.force_login(matrix_org["users"]["ld_admin"])
    rows = [r for r in rows_for(ADMIN_PREFIXES, inside=True) if r.route.startswith(GUILDS_ADMIN_SCREENS)]
    errors = sweep_forms(admin, pages_an_admin_opens(rows, matrix_org))
    assert not errors, "Bad input answered with a server error:\n" + "\n".join(errors)
