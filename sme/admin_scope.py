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

from . import extensions


def courses_written_by(user):
    """The pks of the courses `user` authors, co-authors or owns (created), as a subquery."""
    return CoursePage.objects.filter(Q(course_authors__user=user) | Q(owner=user)).values("pk")


def hide_other_authors_courses(pages, user):
    """`pages` without the courses `user` doesn't author, co-author, own or review (L&D admins see
    all). A reviewer opens the course they review in the editor to comment on it."""
    if user.is_superuser or user.has_role(Role.LD_ADMIN):
        return pages
    course_type = ContentType.objects.get_for_model(CoursePage)
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    theirs = Q(pk__in=courses_written_by(user))
    for reviewed_ids in extensions.courses_in_review_by(user=user):
        theirs |= Q(pk__in=reviewed_ids)
    mine = CoursePage.objects.filter(theirs).values("pk")
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


# Keyword arguments and query parameters by which Wagtail's admin screens name a page.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
PAGE_QUERY_PARAMS = ("child_of", "descendant_of")


def pages_named_by(request, match) -> set[int]:
    """The ids of the pages an admin request names: in its path, or as the pages of a bulk action
    (?id=) or of an admin API query (?child_of=, ?descendant_of=, /pages/<pk>/)."""
    kwargs = match.kwargs
    named = [kwargs[k] for k in PAGE_KWARGS if k in kwargs]
    namespace = match.namespace or ""
    if match.url_name == "revisions_compare" or namespace.endswith("api:pages"):
        named.append(kwargs.get("pk"))
    if namespace.endswith("api:pages"):
        named += [request.GET.get(param) for param in PAGE_QUERY_PARAMS]
    if match.url_name == "wagtail_bulk_action" and (kwargs.get("app_label"), kwargs.get("model_name")) == (
        "wagtailcore", "page"
    ):
        named += request.GET.getlist("id") + [request.GET.get("childOf")]
    return {int(value) for value in named if value is not None and str(value).isdigit()}


def names_a_hidden_course(request, match) -> bool:
    """An admin guard (guild.core.admin_guards): refuse any admin screen that names a course, or a
    lesson of a course, the person may not see, rather than trust each screen to filter."""
    ids = pages_named_by(request, match)
    if not ids:
        return False
    named = Page.objects.filter(pk__in=ids)
    # One query: is any named page left out of what this person may see?
    return named.exclude(pk__in=hide_other_authors_courses(named, request.user).values("pk")).exists()


def reports_are_for_ld_admins(request, match) -> bool:
    """An admin guard: Wagtail's reports (page types, ageing pages, site history, workflows) list
    every course; experts follow their own in their workspace."""
    user = request.user
    return (match.namespace or "").endswith("wagtailadmin_reports") and not (
        user.is_superuser or user.has_role(Role.LD_ADMIN)
    )
