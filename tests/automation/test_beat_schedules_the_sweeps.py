from guild.celery import app
from guild.core import sweeps


def test_beat_runs_the_sweeps_the_rules_and_the_outbox_sender():
    app.loader.import_default_modules()
    app.finalize()
    schedule = app.conf.beat_schedule
    assert schedule["guild-sweeps"]["task"] == "guild.core.sweep_all"
    assert schedule["automation-rules"]["task"] == "courses.automation.run_rules"
    assert schedule["notifications-outbox"]["task"] == "guild.notifications.deliver_outbox"
    assert {"guild.core.sweep_all", "guild.notifications.deliver_outbox", "courses.automation.run_rules_for_person"} <= set(app.tasks)


def test_every_feature_sweep_is_registered_with_the_platform_in_order():
    # Features plug their sweeps in (their sweeps.py); the platform runs them without importing a feature.
    assert [s.name for s in sweeps.registry.all()] == [
        "courses.certificate_renewals", "courses.enrolment_reminders", "review.slas", "review.signoff_slas",
        "courses.team_digest",
        "sme.author_digest", "courses.retention_boosters", "courses.cohort_session_reminders",
    ]
