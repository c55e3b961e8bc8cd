"""Load the demo organisation. Idempotent: running it twice changes nothing.

Each app registers its part in its demo.py (see guild.demo); they run in their order.

The demo's people share a published password, so in production the command refuses to run unless
told `--i-know-this-is-production`, and then the people it creates get no usable password (production
settings set GUILD_DEMO_PASSWORD to None): an operator gives one with `manage.py changepassword`. Demo people already
holding the public password (loaded by an older Guild) lose it in the same run."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.management.base import BaseCommand, CommandError

from guild import demo

PUBLIC_DEMO_PASSWORD = "guild-demo"  # noqa: S105 - the password the demo documents; never valid in production
PRODUCTION_FLAG = "--i-know-this-is-production"

LOGINS = [
    ("learner@example.com", "Learner"),
    ("expert@example.com", "Expert (SME)"),
    ("reviewer@example.com", "Reviewer"),
    ("manager@example.com", "Manager"),
    ("admin@example.com", "L&D admin"),
    ("exec@example.com", "Executive"),
]


class Command(BaseCommand):
    help = "Create the demo organisation (idempotent). Refused in production without --i-know-this-is-production."

    def add_arguments(self, parser):
        parser.add_argument(
            PRODUCTION_FLAG, dest="production_ok", action="store_true",
            help="Load the demo organisation into a production database; its people get no usable password.",
        )

    def handle(self, *args, production_ok=False, **options):
        production = settings.DJANGO_ENV == "production"
        if production and not production_ok:
            raise CommandError(
                "This is a production installation (DJANGO_ENV=production). The demo organisation adds people "
                f"such as an L&D admin, admin@example.com. Run again with {PRODUCTION_FLAG} to load it anyway; "
                "its people will have no usable password."
            )
        if production and settings.GUILD_DEMO_PASSWORD is not None:
            raise CommandError("GUILD_DEMO_PASSWORD must be None in production; the demo's password is public.")

        for step in demo.steps():
            self.stdout.write(f"Seeding {step.name} …")
            step.run(stdout=self.stdout)

        if production:
            retired = self._retire_public_password()
            if retired:
                self.stdout.write(self.style.WARNING(f"{retired} demo people had the public demo password; it no longer works."))
            self.stdout.write(self.style.SUCCESS(
                "Demo organisation ready. Its people have no usable password: give one to the person you want "
                "to sign in as with `manage.py changepassword <email>`. Sign-ins:"
            ))
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Demo organisation ready. Sign in with password “{settings.GUILD_DEMO_PASSWORD}” as:"
            ))
        for email, role in LOGINS:
            self.stdout.write(f"  {email:<24} {role}")

    def _retire_public_password(self) -> int:
        """Demo people were created with one hash of the public password (one salt for all): find it from
        the named sign-ins and make every password equal to it unusable, with one hash check per sign-in."""
        User = get_user_model()  # noqa: N806
        hashes = set()
        for user in User.objects.filter(email__in=[email for email, _ in LOGINS]).only("password"):
            # The bare hasher function: User.check_password would re-hash and save on a hasher upgrade.
            if user.has_usable_password() and check_password(PUBLIC_DEMO_PASSWORD, user.password):
                hashes.add(user.password)
        retired = 0
        for people in (User.objects.filter(password=h) for h in hashes):
            for user in people.only("pk", "password"):
                user.set_unusable_password()
                user.save(update_fields=["password"])
                retired += 1
        return retired
