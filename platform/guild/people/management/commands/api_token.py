"""`manage.py api_token create --email EMAIL --scopes read,write [--name NAME]` prints a new token once,
on its own last line; `manage.py api_token revoke NAME [--email EMAIL]` revokes the live token of
that name (--email picks one when several people have a token so named)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import APIToken

from guild.people.models import User
from guild.people.tokens import TokenError, create_token, revoke_tokens


class Command(BaseCommand):
    help = "Create or revoke an API token for a person or a service account."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it once.")
        create.add_argument("--email", required=True)
        create.add_argument("--scopes", default="read", help="Comma-separated: read, write, admin, scim.")
        create.add_argument("--name", default="API token")
        revoke = sub.add_parser("revoke", help="Revoke the live token of that name.")
        revoke.add_argument("name")
        revoke.add_argument("--email", help="Whose token, when several people have one of that name.")

    def handle(self, *args, action, email, **options):
        if action == "revoke" and not email:
            email = self._owner_of(options["name"])
        person = User.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"Nobody has the email address {email}.")
        if action == "create":
            try:
                token, plaintext = create_token(user=person, name=options["name"], scopes=options["scopes"])
            except TokenError as exc:
                raise CommandError(exc.message) from None
            self.stderr.write(f"Token “{token.name}” for {person.email} ({token.guild_scopes.scopes}). "
                              "Copy it now: it is not shown again.")
            self.stdout.write(plaintext)
        else:
            n = revoke_tokens(user=person, name=options["name"])
            if not n:
                raise CommandError(f"{person.email} has no live token named “{options['name']}”.")
            self.stdout.write(f"Revoked {n} token(s) named “{options['name']}” of {person.email}.")

    @staticmethod
    def _owner_of(name):
        owners = sorted(set(APIToken.objects.filter(name=name, revoked_at__isnull=True).values_list("user__email", flat=True)))
        if not owners:
            raise CommandError(f"No live token is named “{name}”.")
        if len(owners) > 1:
            raise CommandError(f"{len(owners)} people have a live token named “{name}” ({', '.join(owners)}): "
                               "say whose with --email.")
        return owners[0]
