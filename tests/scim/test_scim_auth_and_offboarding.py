"""Who may provision (a token with the "scim" scope only), and what deprovisioning does: the person
is deactivated, signed out, their tokens revoked, their reminders stopped, their history kept."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from wagtail.models import APIToken

from courses.automation.reminders import sweep_reminders
from courses.automation.renewals import sweep_renewals
from courses.models import Certificate, Enrolment
from guild.notifications.models import OutboxMessage
from guild.people.models import User
from guild.people.tokens import create_token
from tests.support.automation import due_in, open_policy
from tests.support.courses import complete_course_for, make_course

pytestmark = pytest.mark.django_db


def test_no_token_is_401_and_a_read_write_token_is_403(client, ld_admin):
    response = client.get("/scim/v2/Users")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert client.get("/scim/v2/Users", HTTP_AUTHORIZATION="Bearer wagtail_nonsense").status_code == 401
    plain = create_token(user=ld_admin, name="bi", scopes="read,write")[1]
    response = client.get("/scim/v2/Users", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 403 and "scim" in response.json()["detail"]


def test_a_signed_in_admin_without_a_token_is_refused(client, ld_admin):
    client.force_login(ld_admin)
    assert client.get("/scim/v2/Users").status_code == 401
    assert client.get("/scim/v2/ServiceProviderConfig").status_code == 401


def test_a_scim_token_does_not_open_the_rest_api(client, scim_token):
    assert client.get("/api/people/", HTTP_AUTHORIZATION=f"Bearer {scim_token}").status_code == 403


def test_scim_is_throttled_like_the_api(client, ld_admin, settings):
    settings.GUILD_SCIM_THROTTLE_RATE = "2/min"
    plain = create_token(user=ld_admin, name="idp", scopes="scim")[1]
    codes = [client.get("/scim/v2/Users", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_deprovisioning_signs_out_revokes_tokens_and_keeps_history(scim, client, learner, expert):
    course = make_course("Data privacy basics", authors=[expert], lessons=1, quiz=False)
    certificate = complete_course_for(learner, course)
    client.force_login(learner)  # a live session of theirs
    create_token(user=learner, name="their script", scopes="read")
    response = scim.patch(f"/Users/{learner.pk}", {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "Replace", "path": "active", "value": "False"}]})
    assert response.status_code == 200
    learner.refresh_from_db()
    assert not learner.is_active
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(learner.pk)]
    assert not APIToken.objects.filter(user=learner, revoked_at__isnull=True).exists()
    assert learner.enrolments.filter(course=course).exists()
    assert certificate.__class__.objects.filter(pk=certificate.pk, revoked_at__isnull=True).exists()


def test_a_deactivated_person_gets_no_reminder(scim, learner, other_learner, expert):
    course = make_course("Data privacy basics", authors=[expert], lessons=1, quiz=False)
    open_policy()
    due_in(learner, course, 7)
    kept = due_in(other_learner, course, 7)
    scim.patch(f"/Users/{learner.pk}", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                        "Operations": [{"op": "replace", "value": {"active": False}}]})
    sweep_reminders(enqueue=False)
    assert [m.recipient_id for m in OutboxMessage.objects.all()] == [kept.learner_id]


def test_delete_hides_the_person_keeps_their_row_and_a_new_post_brings_them_back(scim, learner):
    assert scim.delete(f"/Users/{learner.pk}").status_code == 204
    assert scim.get(f"/Users/{learner.pk}").status_code == 404
    assert scim.get("/Users", {"filter": f'userName eq "{learner.email}"'}).json()["totalResults"] == 0
    person = User.objects.get(pk=learner.pk)
    assert not person.is_active
    response = scim.post("/Users", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                                    "userName": learner.email, "emails": [{"value": learner.email}]})
    assert response.status_code == 201 and response.json()["id"] == str(learner.pk)
    assert User.objects.get(pk=learner.pk).is_active


def test_a_deactivated_person_is_not_re_enrolled_when_their_certificate_expires(scim, learner, expert):
    open_policy(renewal_days_before=30)
    course = make_course("First aid", authors=[expert], lessons=1, quiz=False, certificate_validity_months=12)
    certificate = complete_course_for(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() + timedelta(days=20))
    scim.patch(f"/Users/{learner.pk}", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                        "Operations": [{"op": "replace", "path": "active", "value": False}]})
    assert sweep_renewals(enqueue=False)["renewed"] == 0
    assert Enrolment.objects.get(learner=learner, course=course).status == "completed"
    assert not OutboxMessage.objects.filter(kind="renewal").exists()
