"""A SCORM package, its launchable items, the lesson that launches one, and each learner's state.

Packages and their items are what the expert uploaded (content); ScormRuntime is what changes as
a learner works through an item (records), so re-importing or publishing never touches it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel

from courses.models.pages import LessonPage


class ScormVersion(models.TextChoices):
    V12 = "1.2", "SCORM 1.2"
    V2004_2 = "2004-2", "SCORM 2004 2nd edition"
    V2004_3 = "2004-3", "SCORM 2004 3rd edition"
    V2004_4 = "2004-4", "SCORM 2004 4th edition"


class ScormPackage(models.Model):
    title = models.CharField(_("title"), max_length=255)
    identifier = models.CharField(_("manifest identifier"), max_length=255, blank=True)
    version = models.CharField(_("SCORM version"), max_length=10, choices=ScormVersion.choices)
    # Files live in the "scorm" storage under this folder, never under MEDIA_URL.
    storage_folder = models.CharField(max_length=64, unique=True, editable=False)
    file_count = models.PositiveIntegerField(default=0)
    total_bytes = models.BigIntegerField(default=0)
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # Sequencing is kept as the manifest wrote it (docs/content.md says which parts Guild honours).
    sequencing_collection = models.TextField(blank=True)
    organisation_sequencing = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("SCORM package")

    def __str__(self):
        return f"{self.title} ({self.get_version_display()})"

    @property
    def is_2004(self):
        return self.version != ScormVersion.V12


class ScormItem(models.Model):
    """One launchable item of the package's organisation (a SCO or an asset): one lesson."""

    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    identifier = models.CharField(max_length=255)
    title = models.CharField(_("title"), max_length=255)
    launch = models.CharField(_("launch URL"), max_length=2000)
    is_sco = models.BooleanField(default=True)
    mastery_scaled = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    time_limit = models.CharField(max_length=64, blank=True)
    time_limit_action = models.CharField(max_length=64, blank=True)
    data_from_lms = models.TextField(blank=True)
    completion_threshold = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    sequencing = models.TextField(blank=True)

    class Meta:
        ordering = ["package", "position"]
        constraints = [models.UniqueConstraint(fields=["package", "position"], name="scorm_item_position_once")]

    def __str__(self):
        return self.title


class ScormLessonPage(LessonPage):
    """A lesson that launches a SCORM item. It is a LessonPage (multi-table), so progress, completion,
    reactions and the review treat it like any lesson. Only an import creates one."""

    item = models.ForeignKey(ScormItem, on_delete=models.PROTECT, related_name="lessons")

    # The lesson is done when the SCO says so (courses.services.progress reads this).
    completed_by_content = True
    is_creatable = False
    template = "scorm/scorm_lesson_page.html"
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    content_panels = LessonPage.content_panels + [
        HelpPanel(content=_("This lesson launches a SCORM package imported into Guild. Its content is "
                            "the package's; the text above it is yours.")),
    ]

    class Meta:
        verbose_name = _("SCORM lesson")
        verbose_name_plural = _("SCORM lessons")


class ScormRuntime(models.Model):
    """A learner's SCORM data for one item: what the SCO committed last, ready to resume."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_runtimes")
    item = models.ForeignKey(ScormItem, on_delete=models.CASCADE, related_name="runtimes")
    lesson = models.ForeignKey(LessonPage, null=True, on_delete=models.SET_NULL, related_name="+")
    # The current launch: commits carry it and a sequence number (stale or replayed ones change nothing).
    launch_id = models.UUIDField(default=uuid.uuid4)
    last_sequence = models.PositiveIntegerField(default=0)
    launches = models.PositiveIntegerField(default=0)
    completion_status = models.CharField(max_length=20, default="not attempted")
    success_status = models.CharField(max_length=20, default="unknown")
    lesson_status = models.CharField(max_length=20, blank=True)  # SCORM 1.2's, as the SCO set it
    score_raw = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_min = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_max = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_scaled = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    exit = models.CharField(max_length=20, blank=True)
    session_seconds = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_seconds = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_seconds_at_launch = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    cmi = models.JSONField(default=dict, blank=True)  # the last commit, flattened ("cmi.x.y": value)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "item"], name="one_scorm_runtime_per_learner_item")]

    def __str__(self):
        return f"{self.learner_id}: {self.item_id}"
