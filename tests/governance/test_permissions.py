"""Every governance page, for every role: L&D admins change, executives read, everyone sees the needs board."""

import pytest
from django.urls import reverse

from governance.models import ActionItem, Decision, Initiative, LearningNeed, Meeting
from guild.people.roles import Role
from tests.support.governance import (
    make_committee,
    make_initiative,
    make_kpi,
    make_meeting,
    make_need,
)
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

EVERYONE, READERS, LD = "everyone", "readers", "ld"


@pytest.fixture
def objects(ld_admin):
    author = make_user()
    need = make_need(author, title="Negotiation for renewals")
    initiative = make_initiative()
    committee = make_committee()
    meeting = make_meeting(committee)
    kpi = make_kpi()
    return {"need": need, "initiative": initiative, "committee": committee, "meeting": meeting, "kpi": kpi}


PAGES = [
    ("governance:needs", None, EVERYONE),
    ("governance:need_create", None, EVERYONE),
    ("governance:need", "need", EVERYONE),
    ("governance:dashboard", None, READERS),  # executives read the details behind their summary
    ("governance:summary", None, READERS),
    ("governance:mission", None, READERS),
    ("governance:mission_edit", None, LD),
    ("governance:goal_create", None, LD),
    ("governance:roadmap", None, READERS),
    ("governance:initiative", "initiative", READERS),
    ("governance:initiative_create", None, LD),
    ("governance:initiative_edit", "initiative", LD),
    ("governance:committees", None, READERS),
    ("governance:committee", "committee", READERS),
    ("governance:committee_create", None, LD),
    ("governance:meeting", "meeting", READERS),
    ("governance:kpis", None, READERS),
    ("governance:kpi", "kpi", READERS),
    ("governance:kpi_create", None, LD),
    ("governance:kpi_import", None, LD),
    ("governance:maturity", None, READERS),
    ("governance:maturity_assess", None, LD),
]

ROLES = {
    "learner": (),
    "expert": (Role.EXPERT,),
    "reviewer": (Role.EXPERT, Role.REVIEWER),
    "manager": (Role.MANAGER,),
    "executive": (Role.EXECUTIVE,),
    "ld_admin": (Role.LD_ADMIN,),
}


def _url(name, key, objects):
    if key is None:
        return reverse(name)
    obj = objects[key]
    return reverse(name, args=[obj.slug if key == "kpi" else obj.pk])


def _allowed(audience, role):
    if audience == EVERYONE:
        return True
    if audience == READERS:
        return role in ("executive", "ld_admin")
    return role == "ld_admin"


@pytest.mark.parametrize("role", ROLES)
def test_each_page_answers_by_role(client, objects, role):
    client.force_login(make_user(*ROLES[role]))
    for name, key, audience in PAGES:
        response = client.get(_url(name, key, objects))
        expected = 200 if _allowed(audience, role) else 403
        assert response.status_code == expected, f"{role} on {name}: {response.status_code}"


def test_anonymous_people_are_sent_to_sign_in(client, objects):
    for name, key, _audience in PAGES:
        response = client.get(_url(name, key, objects))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name


@pytest.mark.parametrize("role", ["learner", "manager", "executive", "expert"])
def test_only_ld_admins_can_change_governance_data(client, objects, role):
    client.force_login(make_user(*ROLES[role]))
    need, meeting = objects["need"], objects["meeting"]
    posts = [
        (reverse("governance:need_triage", args=[need.pk]), {"status": "planned", "note": "Yes"}),
        (reverse("governance:initiative_create"), {"title": "Sneaky", "pillar": "talent"}),
        (reverse("governance:meeting_create", args=[objects["committee"].pk]), {"held_on": "2026-01-01", "agenda": "x"}),
        (reverse("governance:meeting", args=[meeting.pk]), {"decision-text": "Spend it all"}),
        (reverse("governance:mission_edit"), {"statement": "Ours now"}),
        (reverse("governance:maturity_assess"), {}),
        (reverse("governance:kpi_import"), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    need.refresh_from_db()
    assert need.status == "new"
    assert not Decision.objects.exists()
    assert Meeting.objects.count() == 1
    assert not Initiative.objects.filter(title="Sneaky").exists()
    assert LearningNeed.objects.count() == 1


def test_executives_see_no_edit_buttons_on_the_summary(client, executive, objects):
    client.force_login(executive)
    html = client.get(reverse("governance:roadmap")).content.decode()
    assert reverse("governance:initiative_create") not in html
    assert client.get(reverse("governance:summary")).status_code == 200


def test_someone_elses_action_cannot_be_closed_by_a_learner(client, learner, objects, ld_admin):
    action = ActionItem.objects.create(meeting=objects["meeting"], title="Write the brief", owner=ld_admin,
                                       due_on="2026-01-01")
    client.force_login(learner)
    assert client.post(reverse("governance:action_status", args=[action.pk]), {"status": "done"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


def test_a_missing_object_is_a_404(client, ld_admin):
    client.force_login(ld_admin)
    assert client.get(reverse("governance:need", args=[999999])).status_code == 404
    assert client.get(reverse("governance:meeting", args=[999999])).status_code == 404
