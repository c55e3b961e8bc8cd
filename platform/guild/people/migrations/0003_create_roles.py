"""Create the six role groups. Experts, reviewers and L&D admins may open the Wagtail admin."""

from django.db import migrations

from guild.people.setup import ROLES, ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), apps.get_model("contenttypes", "ContentType"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
