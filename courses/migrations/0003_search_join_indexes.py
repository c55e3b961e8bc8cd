"""Indexes that let a search join its index entries back to the course and lesson rows.

Wagtail's search joins `wagtailsearch_indexentry.object_id` (text) to the page's id cast to text,
`page_ptr_id::varchar(50)`. Without an index on that cast PostgreSQL can only hash every course or
lesson row for every search; with it, a selective search looks up just the rows it found.
PostgreSQL only."""

from django.db import migrations

INDEXES = {
    "guild_coursepage_ptr_text": "courses_coursepage",
    "guild_lessonpage_ptr_text": "courses_lessonpage",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} (((page_ptr_id)::varchar(50)))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_search_entries_gin_index")]

    operations = [migrations.RunPython(create, drop)]
