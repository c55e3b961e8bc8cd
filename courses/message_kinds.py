"""The kinds of message courses itself sends (the automation's are in courses.automation.message_kinds)."""

from django.utils.translation import gettext_lazy as _

from guild.notifications import kinds

from .boosters.kinds import KINDS as BOOSTER_KINDS
from .cohort_messages import KINDS as COHORT_KINDS
from .services.mentions import MENTION_KIND
from .services.votes import ANSWERED_KIND

for _name, _label, _description, _render in BOOSTER_KINDS + COHORT_KINDS:
    kinds.register(_name, label=_label, description=_description, render=_render)

kinds.register(
    MENTION_KIND, label=_("Mentions in discussions"),
    description=_("Someone wrote your name with an @ in a discussion you can take part in."),
)
kinds.register(
    ANSWERED_KIND, label=_("Answers to your questions"),
    description=_("A course author's reply was marked as the answer to a question you asked."),
)
