"""`manage.py export_xapi` backfills; L&D admins configure LRSs in the admin, nobody else can."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from guild.events.services import record_event
from guild.xapi.models import LearningRecordStore, StatementDelivery
from guild.xapi.statements import statement_id
from tests.support.lrs import PASSWORD, USER

from .conftest import stored


def _history(person):
    old = record_event(actor=person, verb="completed", object_type="course", object_id=1, object_name="Old course",
                       timestamp=timezone.now() - timezone.timedelta(days=400))
    recent = [record_event(actor=person, verb="completed", object_type="lesson", object_id=n,
                           timestamp=timezone.now() - timezone.timedelta(days=10)) for n in range(3)]
    return old, recent


def test_backfill_sends_events_since_a_date_to_a_new_lrs_once(db, lrs, ralph, learner):
    old, recent = _history(learner)  # recorded before any LRS was configured
    assert not StatementDelivery.objects.exists()
    LearningRecordStore.objects.create(name="warehouse", endpoint=lrs.url, key=USER, secret=PASSWORD)
    since = (timezone.now() - timezone.timedelta(days=30)).date().isoformat()

    out = StringIO()
    call_command("export_xapi", "--since", since, "--lrs", "warehouse", stdout=out)
    report = json.loads(out.getvalue())
    assert report["queued"] == 3 and report["sent"] == 3
    ids = {str(statement_id(e.pk)) for e in recent}
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)
    assert not stored(ralph, {str(statement_id(old.pk))}), "events before --since stay home"

    out = StringIO()
    call_command("export_xapi", "--since", since, "--lrs", "warehouse", stdout=out)
    assert json.loads(out.getvalue())["queued"] == 0, "a second backfill queues nothing"
    assert len(lrs.posted) == 1
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)


def test_export_to_a_file_writes_valid_statements(db, ralph, learner, tmp_path):
    old, recent = _history(learner)
    path = tmp_path / "statements.json"
    call_command("export_xapi", "--since", "2000-01-01", "--file", str(path), "--actor-format", "account",
                 stdout=StringIO())
    statements = json.loads(path.read_text())
    assert [s["id"] for s in statements] == [str(statement_id(e.pk)) for e in (old, *recent)]
    assert {s["actor"]["account"]["name"] for s in statements} == {str(learner.pk)}
    lines = tmp_path / "lines.jsonl"
    lines.write_text("\n".join(json.dumps(s) for s in statements))
    assert ralph.validate(lines) == []


@pytest.mark.parametrize("args, message", [
    (["--since", "last tuesday"], "is not a date"),
    (["--since", "2026-01-01", "--lrs", "nowhere"], "No LRS is called 'nowhere'"),
    (["--since", "2026-01-01"], "No LRS is configured"),
])
def test_export_explains_bad_input(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_xapi", *args, stdout=StringIO())


def test_only_ld_admins_configure_lrss_and_the_secret_is_never_shown(client, ld_admin, expert, learner):
    form = {"name": "analytics", "endpoint": "https://lrs.example.com/xAPI/", "key": "guild", "secret": "s3cret!",
            "actor_format": "account", "verbs": ["completed", "passed"], "is_active": "on"}
    for person in (learner, expert):
        client.force_login(person)
        client.post("/cms/xapi/lrs/new/", form)
        assert not LearningRecordStore.objects.exists()
        assert client.get("/cms/xapi/lrs/").status_code in (302, 403)

    client.force_login(ld_admin)
    response = client.post("/cms/xapi/lrs/new/", form)
    assert response.status_code == 302
    store = LearningRecordStore.objects.get()
    assert (store.secret, store.verbs, store.actor_format) == ("s3cret!", ["completed", "passed"], "account")
    edit = client.get(f"/cms/xapi/lrs/edit/{store.pk}/")
    assert b"s3cret!" not in edit.content
    # Saved without typing the secret again: it is kept.
    client.post(f"/cms/xapi/lrs/edit/{store.pk}/", {**form, "secret": "", "verbs": []})
    store.refresh_from_db()
    assert (store.secret, store.verbs) == ("s3cret!", [])
    # The environment's LRS name is reserved.
    response = client.post("/cms/xapi/lrs/new/", {**form, "name": "environment"})
    assert "kept for the LRS set in the environment" in response.content.decode()
    assert LearningRecordStore.objects.count() == 1
