"""The authorisation matrix for Wagtail's admin (pages, API, snippets, people) and Django's admin:
every URL pattern × anonymous and each role, against tests/security/access_matrix.txt; and the
bad-input sweep over the same URLs and Guild's own admin forms (people, teams, skills, templates)."""

import pytest
from django.test import Client

from tests.support.access_matrix import pages_an_admin_opens
from tests.support.access_matrix_tests import AccessMatrixTests
from tests.support.bad_input_sweep import sweep_forms

GUILDS_ADMIN_SCREENS = (
    "cms/organisation/", "cms/snippets/sme/", "cms/snippets/rewards/", "cms/users/", "cms/xapi/",
)


class TestTheAdmins(AccessMatrixTests):
    in_the_admins = True

    @pytest.mark.django_db
    def test_no_form_of_guilds_admin_screens_answers_bad_input_with_a_server_error(self, matrix_org):
        admin = Client(raise_request_exception=False)
        admin.force_login(matrix_org["users"]["ld_admin"])
        rows = [r for r in self.rows() if r.route.startswith(GUILDS_ADMIN_SCREENS)]
        errors = sweep_forms(admin, pages_an_admin_opens(rows, matrix_org))
        assert not errors, "Bad input answered with a server error:\n" + "\n".join(errors)
