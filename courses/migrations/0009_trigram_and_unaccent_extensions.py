"""Typo-tolerant catalogue search (courses.selectors.search) uses pg_trgm's similarity and unaccent on
PostgreSQL. Both operations do nothing on SQLite (`make demo`), where the search falls back to Python."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0008_lesson_order_and_prerequisites"),
    ]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
    ]
