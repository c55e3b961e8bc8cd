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

        from .boosters import receivers

        receivers.connect()

        from django.db.models.signals import post_delete, post_save

        from .models import CourseAuthor

        post_save.connect(_authors_changed, sender=CourseAuthor, dispatch_uid="courses.authors_changed.save")
        post_delete.connect(_authors_changed, sender=CourseAuthor, dispatch_uid="courses.authors_changed.delete")


def _authors_changed(sender, instance, **kwargs):
    """A request that changes a course's authors must not keep reading the old ones."""
    from guild.core.request_memo import forget

    from .permissions import authors_memo_key

    forget(authors_memo_key(instance.course_id))
