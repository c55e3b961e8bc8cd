import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone, e.g. Europe/Paris."), params={"value": value})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """An employee. Signs in with their email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    team = models.ForeignKey(
        "people.Team", verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_role = models.ForeignKey(
        "skills.JobRole", verbose_name=_("job role"), null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    language = models.CharField(_("language"), max_length=10, blank=True)
    employee_id = models.CharField(
        _("employee id"), max_length=64, blank=True, help_text=_("The id in the HR system, used by the API sync.")
    )
    # The day the person started in the organisation, from HR (SCIM, the people API) or L&D: what
    # "new hire" means in enrolment rules. Not date_joined, which is when the account was created
    # (for a whole company on the day SCIM was switched on).
    hire_date = models.DateField(
        _("hire date"), null=True, blank=True, help_text=_("The day the person started, as HR records it.")
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["first_name", "last_name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee_id"], condition=~models.Q(employee_id=""), name="unique_employee_id"
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.get_full_name() or self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        """Names of the roles this person holds; one query, cached on the instance."""
        return frozenset(self.groups.values_list("name", flat=True))

    # Roles this instance may not use, though the person holds them: an API token without the "admin"
    # scope withholds L&D admin for its request (guild.people.api_auth). Never saved.
    withheld_roles: frozenset[str] = frozenset()

    def has_role(self, *roles: str) -> bool:
        """True when the person holds any of `roles` (and may use it here). Superusers hold every role."""
        if not self.is_active:
            return False
        wanted = {str(r) for r in roles} - self.withheld_roles
        if self.is_superuser:
            return bool(wanted) or not self.withheld_roles
        return bool(self.role_names.intersection(wanted))

    @cached_property
    def manager(self):
        """The person's line manager: their team's manager, or the parent team's for a team's own manager."""
        team = self.team
        while team is not None:
            if team.manager_id and team.manager_id != self.pk:
                return team.manager
            team = team.get_parent()
        return None


class Team(MP_Node):
    """A team in the organisation tree. Sub-teams roll up to their parent."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    manager = models.ForeignKey(
        User, verbose_name=_("manager"), null=True, blank=True, on_delete=models.SET_NULL, related_name="managed_teams"
    )

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def subtree(self):
        """This team and all its sub-teams, as a queryset (one indexed prefix query)."""
        return Team.objects.filter(path__startswith=self.path)


class ApiScope(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Write")
    ADMIN = "admin", _("Admin: the person's L&D admin powers")
    SCIM = "scim", _("SCIM provisioning")


class TokenScopes(models.Model):
    """What one of Wagtail's API tokens (wagtailcore.APIToken: hashed, revocable, last used) may do in
    Guild's /api/. A token without a row may only read."""

    token = models.OneToOneField("wagtailcore.APIToken", on_delete=models.CASCADE, related_name="guild_scopes")
    scopes = models.CharField(_("scopes"), max_length=100, default=ApiScope.READ)

    class Meta:
        verbose_name = _("API token scopes")
        verbose_name_plural = _("API token scopes")

    def __str__(self):
        return self.scopes

    @property
    def scope_list(self) -> list[str]:
        return [s for s in self.scopes.split(",") if s]
