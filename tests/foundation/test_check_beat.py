from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from guild.core.models import Heartbeat

pytestmark = pytest.mark.django_db


def test_fails_before_the_first_heartbeat():
    with pytest.raises(CommandError, match="No beat heartbeat"):
        call_command("check_beat")


def test_passes_on_a_fresh_heartbeat_and_fails_on_a_stale_one(capsys):
    from guild.core.tasks import heartbeat

    heartbeat.run(name="beat")
    call_command("check_beat")
    assert "beat ok" in capsys.readouterr().out
    Heartbeat.objects.filter(name="beat").update(seen_at=timezone.now() - timedelta(minutes=6))
    with pytest.raises(CommandError, match="ago"):
        call_command("check_beat")
    call_command("check_beat", "--max-age", "600")
