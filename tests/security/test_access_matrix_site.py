"""The authorisation matrix for Guild's own pages, its API, allauth's and Wagtail's front end:
every URL pattern × anonymous and each role, against tests/security/access_matrix.txt; and the
bad-input sweep over the same URLs and every form on them."""

import pytest
from django.test import Client

from tests.support.access_matrix import pages_an_admin_opens
from tests.support.access_matrix_tests import AccessMatrixTests
from tests.support.bad_input_sweep import sweep_forms


class TestGuildsPages(AccessMatrixTests):
    in_the_admins = False

    @pytest.mark.django_db
    def test_no_form_answers_bad_input_with_a_server_error(self, matrix_org):
        """Overlong text, NUL bytes, huge numbers, impossible decimals and choices into every field of
        every form an L&D admin or a learner meets on Guild's pages."""
        admin, learner = Client(raise_request_exception=False), Client(raise_request_exception=False)
        admin.force_login(matrix_org["users"]["ld_admin"])
        learner.force_login(matrix_org["users"]["learner"])
        errors = sweep_forms(admin, pages_an_admin_opens(self.rows(), matrix_org))
        errors += sweep_forms(learner, [matrix_org["course_url"], matrix_org["lesson_url"], "/me/", "/needs/new/",
                                        "/kudos/new/", "/notifications/preferences/"])
        assert not errors, "Bad input answered with a server error:\n" + "\n".join(errors)
