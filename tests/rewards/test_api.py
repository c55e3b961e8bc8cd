import pytest

from rewards.models import Reason
from rewards.services import award_points

pytestmark = pytest.mark.django_db


def test_ld_admins_read_the_ledger_page_by_page(client, ld_admin, learner):
    for n in range(3):
        award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("tests.e", n), points=10)
    client.force_login(ld_admin)

    page = client.get("/api/rewards/ledger/", {"page_size": 2}).json()

    assert [e["person"] for e in page["results"]] == [learner.email, learner.email]
    assert page["next"]
    rest = client.get(page["next"]).json()
    assert len(rest["results"]) == 1


@pytest.mark.parametrize("who", ["learner", "expert", "manager", "executive"])
def test_other_roles_cannot_read_the_ledger(client, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get("/api/rewards/ledger/").status_code == 403
    assert client.get("/api/rewards/badge-awards/").status_code == 403
