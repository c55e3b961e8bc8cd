"""When the course review workflow finishes, Wagtail publishes the course page; we publish its
lessons' reviewed drafts with it, tell the authors, and send `course_published`."""

import logging

from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.signals import workflow_approved

from .signals import course_published

log = logging.getLogger(__name__)


@receiver(workflow_approved, dispatch_uid="review.workflow_approved")
def publish_course_with_lessons(sender, instance, user=None, **kwargs):
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.filter(pk=instance.object_id).first()
    if course is None:
        return
    lessons = LessonPage.objects.child_of(course).filter(has_unpublished_changes=True)
    published = 0
    for lesson in lessons:
        revision = lesson.get_latest_revision()
        if revision:
            revision.publish(user=user, skip_permission_checks=True)
            published += 1
    log.info("review: course %s published with %d lesson(s)", course.pk, published)

    from .services import _notify_authors

    def after_commit():
        _notify_authors(
            course, kind="review.published",
            title=_("“%(course)s” is published") % {"course": course.title},
            body=_("Learners can now find it in the catalogue."), url=course.url or "",
            key=f"review.published:{instance.pk}",
        )
        course_published.send(sender=CoursePage, course=course, workflow_state=instance)

    transaction.on_commit(after_commit)
