from guild.celery import app


def test_beat_runs_the_sweeps_the_rules_and_the_outbox_sender():
    app.loader.import_default_modules()
    app.finalize()
    schedule = app.conf.beat_schedule
    assert schedule["automation-sweep"]["task"] == "guild.automation.sweep_all"
    assert schedule["automation-rules"]["task"] == "guild.automation.run_rules"
    assert schedule["automation-outbox"]["task"] == "guild.automation.deliver_outbox"
    assert {"guild.automation.sweep_all", "guild.automation.deliver_outbox", "guild.automation.run_rules_for_person"} <= set(app.tasks)
