import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from guild.people.models import User
from guild.people.roles import Role

pytestmark = pytest.mark.django_db


def test_creates_a_verified_ld_admin_who_sets_a_password_by_reset():
    call_command("create_ld_admin", "Head.Of.Learning@Example.com", "--no-input")
    person = User.objects.get(email="head.of.learning@example.com")
    assert person.has_role(Role.LD_ADMIN) and not person.has_usable_password()
    assert EmailAddress.objects.get(user=person).verified
    call_command("create_ld_admin", "head.of.learning@example.com", "--no-input")  # idempotent
    assert User.objects.filter(email="head.of.learning@example.com").count() == 1


def test_asks_for_a_validated_password(monkeypatch):
    answers = iter(["short", "short", "a-long-enough-passphrase", "a-long-enough-passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_ld_admin", "lead@example.com")
    assert User.objects.get(email="lead@example.com").check_password("a-long-enough-passphrase")


def test_promotes_an_existing_person_without_touching_their_password(learner):
    call_command("create_ld_admin", learner.email, "--no-input")
    learner.refresh_from_db()
    assert learner.has_usable_password()
    assert User.objects.get(pk=learner.pk).has_role(Role.LD_ADMIN)


def test_refuses_a_non_address():
    with pytest.raises(CommandError, match="Not an email"):
        call_command("create_ld_admin", "not-an-address", "--no-input")
