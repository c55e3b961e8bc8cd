"""ActivePeople and EnrolmentSummary are kept per window (first and last day) instead of "the last N
days", so the dashboards can show each figure for the period before too; PersonDay keeps the days each
person was active, from which any window is counted. All three are derived data: the tables are made
anew, and the fold's mark goes back to the start so the next fold (a Celery task, in batches) fills
PersonDay from the whole event log. At size L that first fold takes a while, as after 0007."""

from django.db import migrations, models


def forget_the_fold(apps, schema_editor):
    apps.get_model("governance", "DailyActivity").objects.all().delete()
    apps.get_model("governance", "PersonActivity").objects.all().delete()
    apps.get_model("governance", "RollupState").objects.filter(name="learning-events").update(last_event_id=0)
    apps.get_model("governance", "RollupState").objects.filter(name="enrolment-summary").delete()


class Migration(migrations.Migration):
    dependencies = [("governance", "0007_refold_course_completions")]

    operations = [
        migrations.DeleteModel(name="ActivePeople"),
        migrations.DeleteModel(name="EnrolmentSummary"),
        migrations.CreateModel(
            name="PersonDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("actor_id", models.BigIntegerField()),
                ("day", models.DateField()),
                ("team_id", models.BigIntegerField(default=0, help_text="The team on the person's latest event that day.")),
                ("learned", models.BooleanField(default=False)),
                ("authored", models.BooleanField(default=False)),
                ("reviewed", models.BooleanField(default=False)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("actor_id", "day"), name="person_day_key")],
                "indexes": [models.Index(fields=["day", "actor_id"], name="person_day_day")],
            },
        ),
        migrations.CreateModel(
            name="ActivePeople",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("starts_on", models.DateField()),
                ("ends_on", models.DateField()),
                ("team_id", models.BigIntegerField(default=0)),
                ("learners", models.PositiveIntegerField(default=0)),
                ("authors", models.PositiveIntegerField(default=0)),
                ("reviewers", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("starts_on", "ends_on", "team_id"),
                                                        name="active_people_window")],
            },
        ),
        migrations.CreateModel(
            name="EnrolmentSummary",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("starts_on", models.DateField()),
                ("ends_on", models.DateField()),
                ("team_id", models.BigIntegerField(default=0)),
                ("source", models.CharField(max_length=20)),
                ("enrolments", models.PositiveIntegerField(default=0)),
                ("completed", models.PositiveIntegerField(default=0)),
                ("completion_seconds", models.FloatField(default=0)),
                ("learning_minutes", models.PositiveBigIntegerField(default=0)),
                ("overdue", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("starts_on", "ends_on", "team_id", "source"),
                                                        name="enrolment_summary_window")],
            },
        ),
        migrations.RunPython(forget_the_fold, migrations.RunPython.noop),
    ]
