"""The "admin" scope is new: until now an L&D admin's token used its person's L&D admin role with no
scope saying so. Their live read or write tokens (an HR sync, a BI export) get "admin" so that they
keep working after the upgrade; new tokens ask for it explicitly."""

from django.db import migrations
from django.db.models import Q

LD_ADMIN = "L&D admin"  # the role's group name (guild.people.roles), frozen as this migration knew it


def add_admin_scope(apps, schema_editor):
    TokenScopes = apps.get_model("people", "TokenScopes")
    rows = (TokenScopes.objects.filter(token__revoked_at__isnull=True)
            .filter(Q(token__user__is_superuser=True) | Q(token__user__groups__name=LD_ADMIN))
            .distinct())
    for row in rows:
        scopes = set(filter(None, row.scopes.split(",")))
        if scopes & {"read", "write"} and "admin" not in scopes:
            row.scopes = ",".join(sorted(scopes | {"admin"}))
            row.save(update_fields=["scopes"])


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0005_user_hire_date"),
    ]

    operations = [
        migrations.RunPython(add_admin_scope, migrations.RunPython.noop),
    ]
