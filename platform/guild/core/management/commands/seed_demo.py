"""Load the demo organisation. Idempotent: running it twice changes nothing.

Each app registers its part in its demo.py (see guild.demo); they run in their order."""

from django.core.management.base import BaseCommand

from guild import demo

LOGINS = [
    ("learner@example.com", "Learner"),
    ("expert@example.com", "Expert (SME)"),
    ("reviewer@example.com", "Reviewer"),
    ("manager@example.com", "Manager"),
    ("admin@example.com", "L&D admin"),
    ("exec@example.com", "Executive"),
]


class Command(BaseCommand):
    help = "Create the demo organisation (idempotent)."

    def handle(self, *args, **options):
        for step in demo.steps():
            self.stdout.write(f"Seeding {step.name} …")
            step.run(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo organisation ready. Sign in with password “guild-demo” as:"))
        for email, role in LOGINS:
            self.stdout.write(f"  {email:<24} {role}")
