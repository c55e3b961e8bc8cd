"""Course completions now have their own key in DailyActivity ("completed-course"), apart from lesson
completions: forget the folded rollups so the next fold (a Celery task, in batches) recounts the
whole event log with it."""

from django.db import migrations


def forget_the_fold(apps, schema_editor):
    apps.get_model("governance", "DailyActivity").objects.all().delete()
    apps.get_model("governance", "PersonActivity").objects.all().delete()
    apps.get_model("governance", "ActivePeople").objects.all().delete()
    apps.get_model("governance", "RollupState").objects.filter(name="learning-events").update(last_event_id=0)


class Migration(migrations.Migration):
    dependencies = [("governance", "0006_budget_scope_and_kpi_source")]

    operations = [migrations.RunPython(forget_the_fold, migrations.RunPython.noop)]
