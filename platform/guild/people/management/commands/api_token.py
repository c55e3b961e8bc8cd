"""`manage.py api_token create --email EMAIL --scopes read,write [--name NAME]` prints a new token once,
on its own last line; `manage.py api_token revoke NAME --email EMAIL` revokes it."""

from django.core.management.base import BaseCommand, CommandError

from guild.people.models import User
from guild.people.tokens import TokenError, create_token, revoke_tokens


class Command(BaseCommand):
    help = "Create or revoke an API token for a person or a service account."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it once.")
        create.add_argument("--email", required=True)
        create.add_argument("--scopes", default="read", help="Comma-separated: read, write, scim.")
        create.add_argument("--name", default="API token")
        revoke = sub.add_parser("revoke", help="Revoke a person's tokens of that name.")
        revoke.add_argument("name")
        revoke.add_argument("--email", required=True)

    def handle(self, *args, action, email, **options):
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
