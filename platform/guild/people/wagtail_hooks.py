"""L&D admins manage people, teams and the skills taxonomy in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from treebeard.forms import movenodeform_factory
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from guild.skills.models import JobRole, Skill, SkillCategory

from .api_tokens_admin import APITokenViewSet
from .models import Team, User


class PersonViewSet(ModelViewSet):
    name = "guild_people"
    url_prefix = "organisation/people"
    model = User
    icon = "user"
    menu_label = _("People")
    add_to_admin_menu = False
    list_display = ["display_name", "email", "team", "job_role", "is_active"]
    list_filter = ["team", "job_role", "groups", "is_active"]
    search_fields = ["email", "first_name", "last_name", "employee_id"]
    form_fields = ["first_name", "last_name", "email", "employee_id", "hire_date", "job_title", "team", "job_role", "timezone", "groups", "is_active"]

    def get_queryset(self, request):
        return User.objects.select_related("team", "job_role")


TeamForm = movenodeform_factory(Team, fields=["name", "slug", "manager"])


class TeamViewSet(ModelViewSet):
    name = "guild_teams"
    url_prefix = "organisation/teams"
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "manager", "path"]
    search_fields = ["name"]
    ordering = ["path"]

    def get_form_class(self, for_update=False):
        # treebeard's form places the team in the tree (root or child of another team).
        return TeamForm

    def get_queryset(self, request):
        return Team.objects.select_related("manager")


class SkillViewSet(ModelViewSet):
    name = "guild_skills"
    url_prefix = "organisation/skills"
    model = Skill
    icon = "tag"
    list_display = ["name", "category"]
    list_filter = ["category"]
    search_fields = ["name", "description"]
    form_fields = ["name", "slug", "category", "description"]


class SkillCategoryViewSet(ModelViewSet):
    name = "guild_skill_categories"
    url_prefix = "organisation/skill-categories"
    model = SkillCategory
    icon = "folder-open-inverse"
    form_fields = ["name", "slug"]


class JobRoleViewSet(ModelViewSet):
    name = "guild_job_roles"
    url_prefix = "organisation/job-roles"
    model = JobRole
    icon = "site"
    form_fields = ["name", "slug"]
    search_fields = ["name"]


class OrganisationGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, TeamViewSet, SkillViewSet, SkillCategoryViewSet, JobRoleViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()


@hooks.register("register_admin_viewset")
def register_api_tokens():
    return APITokenViewSet()
