"""What an expert can see of other people's courses in the Wagtail admin: nothing.

Wagtail's page permissions are per subtree, and experts may add courses under the catalogue, so
by default they could list every course there. One rule hides the courses a person neither
authors, co-authors nor owns; the explorer, the page chooser and the admin search all apply it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from courses.models import CoursePage, LessonPage
from guild.people.roles import Role


def hide_other_authors_courses(pages, user):
    """`pages` without the courses `user` doesn't author, co-author or own (L&D admins see all)."""
    if user.is_superuser or user.has_role(Role.LD_ADMIN):
        return pages
    course_type = ContentType.objects.get_for_model(CoursePage)
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    mine = CoursePage.objects.filter(Q(course_authors__user=user) | Q(owner=user)).values("pk")
    paths = list(CoursePage.objects.filter(pk__in=mine).values_list("path", flat=True))
    lesson_of_mine = Q()
    for path in paths:
        lesson_of_mine |= Q(path__startswith=path)
    hidden_courses = Q(content_type=course_type) & ~Q(pk__in=mine)
    hidden_lessons = Q(content_type=lesson_type) & ~lesson_of_mine if paths else Q(content_type=lesson_type)
    return pages.exclude(hidden_courses | hidden_lessons)


class _ScopedPolicy:
    """Wagtail's page permission policy, with explorable pages limited by the rule above."""

    def __init__(self, policy):
        self._policy = policy

    def __getattr__(self, name):
        return getattr(self._policy, name)

    def explorable_instances(self, user, *args, **kwargs):
        return hide_other_authors_courses(self._policy.explorable_instances(user, *args, **kwargs), user)


class AuthorScopedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy with the rule above applied to every page a person may explore, so the
    admin API (explorer menus, ?search=, ?child_of=, page details), the page-type usage listing and
    every other screen built on `explorable_instances` hide other authors' courses too."""

    def explorable_instances(self, user, *args, **kwargs):
        return hide_other_authors_courses(super().explorable_instances(user, *args, **kwargs), user)


def register_author_scoped_policy():
    # Registered for Page, which is more specific than Wagtail's own registration (AbstractPage).
    register_permission_policy(Page, AuthorScopedPagePermissionPolicy(Page))


class AuthorScopedSearchView(SearchView):
    @property
    def permission_policy(self):
        return _ScopedPolicy(super().permission_policy)


class AuthorScopedPageViewSet(PageViewSet):
    search_view_class = AuthorScopedSearchView
