"""The matrix's tests, written once for both halves of the URLconf (Guild's pages and the admins),
which run as two modules so that pytest-xdist can run them side by side."""

import pytest

from tests.support.access_matrix import check, format_row, huge_id_errors, rows_for, unlisted_rows

ADMIN_PREFIXES = ("cms/", "django-admin/")


class AccessMatrixTests:
    in_the_admins: bool

    def rows(self):
        return rows_for(ADMIN_PREFIXES, inside=self.in_the_admins)

    def test_every_url_pattern_has_a_row_in_the_table(self):
        missing = unlisted_rows(ADMIN_PREFIXES, inside=self.in_the_admins)
        assert not missing, (
            "Add these rows to tests/security/access_matrix.txt (run the matrix to see what they answer):\n"
            + "\n".join(format_row(r.route, r.case, r.method, r.expected) for r in missing)
        )

    @pytest.mark.django_db
    def test_each_role_gets_exactly_the_access_the_table_gives(self, matrix_org):
        mismatches, _ = check(self.rows(), matrix_org, matrix_org["users"])
        assert not mismatches, f"{len(mismatches)} URLs answer differently from the table:\n" + "\n".join(mismatches)

    @pytest.mark.django_db
    def test_no_path_id_too_large_for_an_integer_gives_a_server_error(self, matrix_org):
        errors = huge_id_errors(self.rows(), matrix_org, matrix_org["users"])
        assert not errors, "These answer 5xx:\n" + "\n".join(errors)
