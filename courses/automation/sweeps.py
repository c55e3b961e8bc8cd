"""The learning automation's sweeps, run by the platform's sweep_all (see guild.core.sweeps)."""

from guild.core import sweeps

from .digests import sweep_team_digests
from .reminders import sweep_reminders
from .renewals import sweep_renewals

# Renewals first, so a renewed enrolment is already active when the reminder sweep reads it.
sweeps.register("courses.certificate_renewals", order=10)(sweep_renewals)
sweeps.register("courses.enrolment_reminders", order=20)(sweep_reminders)
sweeps.register("courses.team_digest", order=40)(sweep_team_digests)
