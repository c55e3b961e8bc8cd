from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    """SCORM packages, their lessons and each learner's run-time state (app label "scorm")."""

    name = "courses.scorm"
    label = "scorm"
    verbose_name = _("SCORM")
