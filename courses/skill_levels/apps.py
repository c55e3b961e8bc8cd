from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillLevelsConfig(AppConfig):
    """Skills kept current: the levels job roles require (L&D's grid and CSV), people's own levels and
    their manager's validation, and the level a completed course proposes. The tables are the
    platform's (guild.skills); this feature app holds the pages and the rules that write them, since
    they need people, notifications and courses (the platform's skills app imports none of them)."""

    name = "courses.skill_levels"
    label = "skill_levels"
    verbose_name = _("Skill levels")

    def ready(self):
        from . import receivers

        receivers.connect()
