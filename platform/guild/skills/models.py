"""The skills taxonomy shared by courses (skills taught), experts (skills held),
job roles (levels required) and governance (readiness)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillLevel(models.IntegerChoices):
    FOUNDATIONAL = 1, _("Foundational")
    WORKING = 2, _("Working")
    PROFICIENT = 3, _("Proficient")
    ADVANCED = 4, _("Advanced")
    EXPERT = 5, _("Expert")


level_validators = [MinValueValidator(1), MaxValueValidator(5)]


class SkillCategory(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Skill(models.Model):
    category = models.ForeignKey(SkillCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="skills")
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name"]

    def __str__(self):
        return self.name


class JobRole(models.Model):
    """A job in the organisation (e.g. "Data analyst") and the skill levels it requires."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleSkillRequirement(models.Model):
    job_role = models.ForeignKey(JobRole, on_delete=models.CASCADE, related_name="requirements")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="role_requirements")
    level = models.PositiveSmallIntegerField(_("required level"), choices=SkillLevel.choices, validators=level_validators)

    class Meta:
        verbose_name = _("required skill level")
        verbose_name_plural = _("required skill levels")
        constraints = [
            models.UniqueConstraint(fields=["job_role", "skill"], name="one_requirement_per_role_and_skill"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="requirement_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.job_role}: {self.skill} ≥ {self.get_level_display()}"


class PersonSkill(models.Model):
    """A person's held level in a skill, where it came from and when.

    A level the person set themself, or that a course proposed, waits for their manager
    (`validated_at` empty) but counts meanwhile: readiness stays current. The manager validates it
    as it is or adjusts it (then the source becomes "manager")."""

    class Source(models.TextChoices):
        SELF = "self", _("Self-assessed")
        MANAGER = "manager", _("Manager")
        COURSE = "course", _("Course completion")
        EXPERT = "expert", _("Confirmed expert")
        IMPORT = "import", _("Import")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="holders")
    level = models.PositiveSmallIntegerField(_("level"), choices=SkillLevel.choices, validators=level_validators)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.SELF)
    assessed_at = models.DateTimeField(_("assessed at"), auto_now=True)
    # What set it, in words (e.g. the course's title): the source says which kind.
    source_detail = models.CharField(_("from"), max_length=255, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("validated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("person's skill")
        verbose_name_plural = _("people's skills")
        constraints = [
            models.UniqueConstraint(fields=["person", "skill"], name="one_level_per_person_and_skill"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="person_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.person}: {self.skill} ({self.get_level_display()})"

    @property
    def awaits_validation(self) -> bool:
        return self.validated_at is None and self.source in (self.Source.SELF, self.Source.COURSE)
