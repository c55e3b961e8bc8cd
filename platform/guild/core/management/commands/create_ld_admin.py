"""Create the first L&D admin of a fresh installation (or give an existing person the role).

    docker compose exec web python manage.py create_ld_admin head.of.learning@example.com

Asks for the password twice (checked by the password validators). With --no-input the person gets no
usable password and sets one through "Forgot your password?" on the sign-in page, so email must work.
The address is marked verified: the operator vouches for it. Idempotent."""

import getpass

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from guild.people.models import User
from guild.people.roles import Role
from guild.people.services import grant_role


class Command(BaseCommand):
    help = "Create an L&D admin (or give an existing person the role)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--no-input", action="store_false", dest="interactive",
                            help="do not ask for a password; the person uses password reset")

    def handle(self, *args, email, interactive, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"Not an email address: {email}") from exc
        user = User.objects.filter(email__iexact=email).first()
        password = self._ask_password(user or User(email=email)) if interactive else None
        with transaction.atomic():
            created = user is None
            if created:
                user = User(email=email)
            if password is not None:
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.save()
            address, _ = EmailAddress.objects.get_or_create(user=user, email=email, defaults={"primary": True})
            if not address.verified:
                address.verified = True
                address.save(update_fields=["verified"])
            for role in (Role.LEARNER, Role.LD_ADMIN):
                grant_role(user=user, role=role)
        self.stdout.write(self.style.SUCCESS(f"{email} is an L&D admin{' (new)' if created else ''}."))
        if not user.has_usable_password():
            self.stdout.write("They have no password yet: “Forgot your password?” on the sign-in page sends them a link.")

    def _ask_password(self, user):
        for _attempt in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords differ.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as exc:
                self.stderr.write("\n".join(exc.messages))
                continue
            return password
        raise CommandError("No password set.")
