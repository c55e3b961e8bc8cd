"""Retention boosters: a completed course's quiz questions come back on a spaced-repetition schedule,
one or two a day, in-app and by email (answerable in one click); the answers move the schedule.
Models in courses.models.boosters; the sweep in courses.sweeps; the message kind in courses.message_kinds."""
