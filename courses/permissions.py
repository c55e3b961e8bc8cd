"""Who may do what to a course in the Wagtail admin.

Experts hold Wagtail's "add" permission on the catalogue (granted by sme.setup), which lets
them create courses. Wagtail would then let anyone with "add" create lessons in any course and
edit pages they own; this tester narrows that to the course's authors and co-authors. L&D admins
(who hold "change" on the catalogue) and superusers keep Wagtail's own rules. CoursePage and
LessonPage return this tester from `permissions_for_user`, so the editor, preview, delete,
add-subpage and workflow screens all ask it, whichever URL is used.

This module imports no models (the models import it): a page says what it is through its
class's `authored_as` ("course" or "lesson")."""

from wagtail.models import PagePermissionTester, WorkflowState

from guild.core.request_memo import remember


def _authored_as(page):
    # A plain Page asks its specific class, found from the cached content type: no query.
    return getattr(page, "authored_as", None) or getattr(page.specific_class, "authored_as", None)


def authors_memo_key(course_id):
    return ("course_author_ids", course_id)


def course_author_ids(course) -> set[int]:
    # Read from the database (never the draft being edited), once per request: the editor's
    # panels, menu, side panels and hooks each ask (courses.signals forgets it on change).
    ids = set(remember(authors_memo_key(course.pk),
                       lambda: frozenset(course.course_authors.values_list("user_id", flat=True))))
    if course.owner_id:
        ids.add(course.owner_id)
    return ids


class AuthorPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self._authored = None

    @property
    def _trusted(self):
        return self.user.is_superuser or "change" in getattr(self, "permissions", set())

    def _course(self):
        if _authored_as(self.page) == "course":
            return self.page.specific_deferred
        parent = self.page.get_parent()
        return parent.specific if parent and _authored_as(parent) == "course" else None

    def is_author(self) -> bool:
        if self._authored is None:
            course = self._course()
            self._authored = bool(
                self.user.is_active and course is not None and self.user.pk in course_author_ids(course)
            )
        return self._authored

    def reviews_only(self) -> bool:
        """True when the person reaches this page's editor only as an assigned reviewer: they read
        and comment, and never change, publish, cancel or restart anything (governance.review.editor)."""
        if not self.user.is_active or self._trusted or self.is_author():
            return False
        return self._workflow_access()

    def _workflow_access(self):
        task = self.page.current_workflow_task
        return bool(task and task.user_can_access_editor(self.page, self.user))

    def can_edit(self):
        if not self.user.is_active or self.page_is_root:
            return False
        if self._trusted:
            return super().can_edit()
        if self._lesson_of_course_in_review():
            # What reviewers approve is what gets published: lessons wait with their course.
            return False
        if "add" in self.permissions and self.is_author():
            return True
        return self._workflow_access()

    def _lesson_of_course_in_review(self):
        if _authored_as(self.page) != "lesson":
            return False
        course = self._course()
        state = course.current_workflow_state if course else None
        return bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS)

    def can_add_subpage(self):
        if self._trusted:
            return super().can_add_subpage()
        return super().can_add_subpage() and self.is_author()

    def can_delete(self, ignore_bulk=False):
        if self._trusted:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if not (self.user.is_active and "add" in self.permissions and self.is_author()):
            return False
        return self._never_published_and_not_in_review()

    def _never_published_and_not_in_review(self):
        """An author deletes a draft (a course with its lessons, or one lesson) that learners have
        never seen and reviewers are not reading; whoever created each lesson."""
        ever_published = remember(
            ("ever_published", self.page.pk),
            lambda: self.page.get_descendants(inclusive=True).filter(first_published_at__isnull=False).exists(),
        )
        if ever_published:
            return False
        course = self._course()
        state = course.current_workflow_state if course else None
        return not (state and state.status == WorkflowState.STATUS_IN_PROGRESS)

    def can_submit_for_moderation(self):
        if _authored_as(self.page) == "lesson":
            # Lessons are reviewed and published with their course, never one by one.
            return False
        return super().can_submit_for_moderation() and (self._trusted or self.is_author())

    def can_copy(self):
        return self.can_edit() and (self._trusted or "add" in self.permissions)
