"""Point values and rules, edited by L&D in the Wagtail admin (Settings → Rewards)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def _points_field(label, default):
    return models.PositiveSmallIntegerField(label, default=default, validators=[MaxValueValidator(1000)])


@register_setting(icon="pick")
class RewardSettings(BaseGenericSetting):
    course_completed = _points_field(_("completing a course"), 50)
    quiz_first_time = _points_field(_("passing a quiz at the first attempt"), 10)
    learning_streak = _points_field(_("a learning streak"), 20)
    course_published = _points_field(_("publishing a course (each author)"), 100)
    review_completed = _points_field(_("completing a review"), 30)
    question_answered = _points_field(_("answering a learner's question"), 15)
    lesson_useful = _points_field(_("each distinct learner who marks a lesson useful"), 2)
    need_fulfilled = _points_field(_("fulfilling a learning need"), 80)
    kudos_received = _points_field(_("receiving kudos"), 5)
    streak_days = models.PositiveSmallIntegerField(
        _("days of learning that make a streak"), default=5, validators=[MinValueValidator(2), MaxValueValidator(7)],
        help_text=_("Distinct days with learning activity in one week (Monday to Sunday)."),
    )
    kudos_daily_cap = models.PositiveSmallIntegerField(
        _("kudos a person can give per day"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("course_completed"), FieldPanel("quiz_first_time"), FieldPanel("learning_streak")],
            heading=_("Points for learning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("course_published"), FieldPanel("review_completed"), FieldPanel("question_answered"),
                FieldPanel("lesson_useful"), FieldPanel("need_fulfilled"), FieldPanel("kudos_received"),
            ],
            heading=_("Points for contributing"),
        ),
        MultiFieldPanel([FieldPanel("streak_days"), FieldPanel("kudos_daily_cap")], heading=_("Rules")),
    ]

    class Meta:
        verbose_name = _("rewards")

    def points_for(self, reason) -> int:
        return getattr(self, str(reason))
