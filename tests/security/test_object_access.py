"""Object-level refusals the authorisation matrix found (issue 15): each says "not yours" before it
reads the input, and changes nothing."""

import pytest

from governance.models.committees import ActionItem, ActionStatus
from guild.notifications.models import Notification
from guild.notifications.services import notify
from tests.support.governance import make_committee, make_meeting

pytestmark = pytest.mark.django_db


def test_marking_someone_elses_notification_read_is_not_found_and_changes_nothing(client, learner, other_learner):
    note = notify(recipient=other_learner, kind="test", title="Private")
    client.force_login(learner)
    assert client.post(f"/notifications/{note.pk}/read/").status_code == 404
    assert Notification.objects.get(pk=note.pk).read_at is None


def test_only_its_owner_or_ld_changes_a_committee_action_whatever_is_sent(client, learner, executive, ld_admin):
    meeting = make_meeting(make_committee(members=[executive]))
    action = ActionItem.objects.create(meeting=meeting, title="Budget", owner=executive, due_on=meeting.held_on)
    client.force_login(learner)
    for data in ({}, {"status": "nonsense"}, {"status": ActionStatus.DONE}):
        assert client.post(f"/governance/actions/{action.pk}/status/", data).status_code == 403
    assert ActionItem.objects.get(pk=action.pk).status != ActionStatus.DONE
    client.force_login(executive)
    client.post(f"/governance/actions/{action.pk}/status/", {"status": ActionStatus.DONE})
    assert ActionItem.objects.get(pk=action.pk).status == ActionStatus.DONE


def test_documents_are_for_signed_in_people(client, learner):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(title="Handbook", file=ContentFile(b"%PDF-1.4\n", "handbook.pdf"))
    response = client.get(document.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(learner)
    assert client.get(document.url).status_code == 200


def test_wagtails_deliberate_error_page_is_not_there(client, ld_admin):
    client.force_login(ld_admin)
    assert client.get("/cms/failwhale/").status_code == 404
