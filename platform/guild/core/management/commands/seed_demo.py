"""Load the demo organisation. Idempotent: running it twice changes nothing.

Each part lives in its app's demo.py with a seed(stdout) function, run in this order."""

import importlib

from django.core.management.base import BaseCommand

DEMO_MODULES = [
    "guild.people.demo",
    "courses.demo",
    "sme.demo",
    "governance.review.demo",
    "rewards.demo",
    "governance.demo",
    "courses.automation.demo",
    "governance.demo_rollups",  # last: folds the events every demo above recorded
]

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
        for name in DEMO_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            self.stdout.write(f"Seeding {name} …")
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo organisation ready. Sign in with password “guild-demo” as:"))
        for email, role in LOGINS:
            self.stdout.write(f"  {email:<24} {role}")
