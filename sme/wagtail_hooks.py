from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage
from guild.core import admin_guards
from guild.core.navigation import HomePanel, NavGroup, NavItem
from guild.people.roles import Role

from . import co_authors, extensions
from .admin_scope import (
    AuthorScopedPageViewSet,
    hide_other_authors_courses,
    names_a_hidden_course,
    register_author_scoped_policy,
    reports_are_for_ld_admins,
)
from .media_scope import in_reach, register_author_scoped_media_policies
from .models import CourseTemplate
from .services import ensure_author

# First, as Wagtail asks of a custom page permission policy: before any screen looks it up.
register_author_scoped_policy()
register_author_scoped_media_policies()
admin_guards.register(names_a_hidden_course)
admin_guards.register(reports_are_for_ld_admins)


@hooks.register("construct_reports_menu")
def reports_menu_for_ld_admins(request, menu_items):
    if not (request.user.is_superuser or request.user.has_role(Role.LD_ADMIN)):
        menu_items[:] = []


class CourseTemplateViewSet(SnippetViewSet):
    model = CourseTemplate
    icon = "doc-full"
    menu_label = _("Course templates")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "active"]
    search_fields = ["name", "description"]


register_snippet(CourseTemplateViewSet)


class ExpertMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_role(Role.EXPERT, Role.LD_ADMIN)


@hooks.register("register_admin_menu_item")
def start_course_menu_item():
    return ExpertMenuItem(_("Start a course"), reverse("sme:templates"), icon_name="plus", order=150)


@hooks.register("construct_explorer_page_queryset")
def only_my_courses(parent_page, pages, request):
    """In the page explorer, experts see only the courses they author or co-author."""
    return hide_other_authors_courses(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def only_my_courses_in_the_chooser(pages, request):
    return hide_other_authors_courses(pages, request.user)


class AuthorScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return in_reach(super().get_queryset(), self.request.user)


class AuthorScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return in_reach(super().get_queryset(), self.request.user)


@hooks.register("construct_document_chooser_queryset")
def documents_with_their_collection(documents, request):
    # The chooser names each document's collection: one query, not one a row.
    return documents.select_related("collection")


@hooks.register("construct_admin_api", order=100)
def author_scoped_media_api(router):
    # After Wagtail's own (order 0): the same endpoints, narrowed like the choosers (sme.media_scope).
    router.register_endpoint("images", AuthorScopedImagesAPIViewSet)
    router.register_endpoint("documents", AuthorScopedDocumentsAPIViewSet)


@hooks.register("register_admin_viewset", order=100)
def author_scoped_page_search():
    # Replaces Wagtail's base page viewset (registered at order -1) for its search view only.
    return AuthorScopedPageViewSet()


@hooks.register("after_create_page")
def creator_is_lead_author(request, page):
    if isinstance(page.specific, CoursePage) and not page.specific.course_authors.exists():
        ensure_author(course=page.specific, user=request.user, lead=True)


@hooks.register("after_edit_page")
def welcome_co_authors_added_in_the_editor(request, page):
    if isinstance(page.specific, CoursePage):
        co_authors.welcome_authors_added_in_editor(course=page.specific, by=request.user)


@hooks.register("guild_nav_items")
def sme_nav_items():
    return [
        NavItem(_("Experts"), "sme:directory", order=41, group=NavGroup.COMMUNITY),
        NavItem(_("My workspace"), "sme:workspace", roles=(Role.EXPERT, Role.LD_ADMIN), order=50, group=NavGroup.CONTRIBUTE),
        NavItem(_("Authors' community"), "sme:community", roles=(Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN), order=60, group=NavGroup.CONTRIBUTE),
    ]


@hooks.register("guild_home_panels")
def sme_home_panels(request):
    if not request.user.has_role(Role.EXPERT, Role.REVIEWER):
        return []
    waiting = extensions.reviews_waiting(user=request.user)
    return [HomePanel(template="sme/home/_workspace.html", context={"reviews": waiting}, order=40)]
