"""Navigation, the learner's home panel, and sign-in for the course pages."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guild.core.navigation import HomePanel, NavGroup, NavItem
from guild.people.roles import Role

from .models.pages import CataloguePage, CoursePage, LearningPathPage, LessonPage
from .selectors import my_learning

LEARNER_PAGES = (CataloguePage, CoursePage, LessonPage, LearningPathPage)


@hooks.register("guild_nav_items")
def nav_items():
    return [
        NavItem(_("Courses"), "courses:catalogue", order=10, group=NavGroup.LEARN),
        NavItem(_("My learning"), "courses:my_learning", order=11, group=NavGroup.LEARN),
        NavItem(_("Learning paths"), "courses:paths", order=12, group=NavGroup.LEARN),
        NavItem(_("Retention boosters"), "courses:boosters", order=13, group=NavGroup.LEARN),
        NavItem(_("Cohorts"), "courses:cohort_list", roles=(Role.MANAGER, Role.LD_ADMIN), order=61,
                group=NavGroup.MANAGE),
        NavItem(_("Quiz attempt requests"), "courses:attempt_requests", roles=(Role.EXPERT, Role.LD_ADMIN), order=35,
                group=NavGroup.CONTRIBUTE),
    ]


@hooks.register("guild_home_panels")
def home_panels(request):
    data = my_learning(user=request.user, limit=3)
    # "Next up" leads the panel; the lists below it hold the rest.
    if data.next_up:
        data.assigned = [e for e in data.assigned if e.pk != data.next_up.pk]
        data.in_progress = [e for e in data.in_progress if e.pk != data.next_up.pk]
    return [HomePanel(template="courses/home/_my_learning.html", context={"data": data}, order=10)]


@hooks.register("before_serve_page")
def require_sign_in(page, request, serve_args, serve_kwargs):
    # Course content is for the organisation's people: signed-in only (certificates verify publicly elsewhere).
    if isinstance(page, LEARNER_PAGES) and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


@hooks.register("before_create_page")
def only_ld_admins_create_learning_paths(request, parent_page, page_class):
    # Experts may add courses to the catalogue, but a path sets a learning programme: L&D's call.
    if issubclass(page_class, LearningPathPage) and not request.user.has_role(Role.LD_ADMIN):
        raise PermissionDenied
