"""A GIN index on what Wagtail's PostgreSQL search backend matches: title || body.

Wagtail's database backend filters `(title || body) @@ query`, and wagtailsearch ships no index
for it, so every search reads every index entry of the model and concatenates its vectors. With
this expression index PostgreSQL finds the entries of a selective query in the index (and keeps
statistics on the expression, so its row estimates stop being 1). PostgreSQL only: SQLite search
goes through Wagtail's fallback backend."""

from django.db import migrations

INDEX = "guild_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
