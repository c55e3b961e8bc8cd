from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Imported here: page_views needs the models loaded. Installing it binds the pages' context
        # and serving logic late, so courses.models never imports selectors or services (no cycle).
        from . import page_handlers, page_views

        page_handlers.install(**page_views.HANDLERS)
