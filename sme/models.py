"""Experts: their profiles, how they are nominated, and the templates they start courses from.

An expert's skills are `guild.skills.PersonSkill` rows with source EXPERT, so readiness
metrics and the directory read the same data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class ExpertProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    bio = models.TextField(
        _("about me"), blank=True, max_length=2000,
        help_text=_("Two or three sentences: what you work on and what people can ask you about."),
    )
    open_to_author = models.BooleanField(_("open to writing courses"), default=True)
    open_to_review = models.BooleanField(_("open to reviewing courses"), default=True)
    open_to_mentor = models.BooleanField(_("open to mentoring"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self):
        return str(self.user)


class NominationStatus(models.TextChoices):
    AWAITING_NOMINEE = "awaiting_nominee", _("Waiting for the nominee")
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Waiting for L&D")
    DECLINED = "declined", _("Declined by the nominee")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Not confirmed by L&D")


OPEN_NOMINATION_STATUSES = [NominationStatus.AWAITING_NOMINEE, NominationStatus.AWAITING_CONFIRMATION]


class Nomination(models.Model):
    nominee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nominations_received")
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nominations_made")
    skill = models.ForeignKey("skills.Skill", verbose_name=_("skill"), on_delete=models.CASCADE, related_name="nominations")
    reason = models.TextField(_("why"), max_length=2000)
    status = models.CharField(_("status"), max_length=30, choices=NominationStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["nominee", "skill"], condition=models.Q(status__in=OPEN_NOMINATION_STATUSES),
                name="one_open_nomination_per_person_and_skill",
            )
        ]

    def __str__(self):
        return f"{self.nominee} — {self.skill}"

    @property
    def is_self_nomination(self):
        return self.nominee_id == self.nominated_by_id


class CourseTemplate(ClusterableModel):
    """A starting structure for a course: lessons with guidance, and the checklist reviewers tick."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=1000, help_text=_("When to use this template."))
    active = models.BooleanField(_("offered to experts"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("active"),
        InlinePanel("template_lessons", label=_("Lessons, in order"), heading=_("Lessons")),
        InlinePanel("checklist_items", label=_("Checklist item"), heading=_("Review checklist")),
    ]

    class Meta:
        verbose_name = _("course template")
        verbose_name_plural = _("course templates")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TemplateLesson(Orderable):
    template = ParentalKey(CourseTemplate, on_delete=models.CASCADE, related_name="template_lessons")
    title = models.CharField(_("lesson title"), max_length=200)
    guidance = models.TextField(
        _("guidance for the author"), blank=True, max_length=2000,
        help_text=_("Shown in the new lesson as a callout the author replaces with their content."),
    )

    # Media blocks the new lesson starts with, empty: the author fills each from the editor's
    # chooser (upload, or pick from their own uploads and the course's media) or deletes it.
    with_image = models.BooleanField(_("with an image"), default=False, help_text=_("An image block with alternative text."))
    with_video = models.BooleanField(_("with a video"), default=False, help_text=_("A video block with captions and a transcript."))
    with_document = models.BooleanField(_("with a document"), default=False, help_text=_("A document to download."))

    panels = [
        FieldPanel("title"), FieldPanel("guidance"),
        MultiFieldPanel([FieldPanel("with_image"), FieldPanel("with_video"), FieldPanel("with_document")],
                        heading=_("Media blocks the lesson starts with")),
    ]


class TemplateChecklistItem(Orderable):
    template = ParentalKey(CourseTemplate, on_delete=models.CASCADE, related_name="checklist_items")
    text = models.CharField(_("item"), max_length=300)

    panels = [FieldPanel("text")]


class CourseOrigin(models.Model):
    """Which template a course was started from (its review checklist comes from there)."""

    course = models.OneToOneField("courses.CoursePage", on_delete=models.CASCADE, related_name="origin")
    template = models.ForeignKey(CourseTemplate, null=True, on_delete=models.SET_NULL, related_name="courses")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.course_id} ← {self.template_id}"


class RevisionMedia(models.Model):
    """An image or document that a revision of a course page or lesson uses.

    Wagtail's ReferenceIndex records what a page's row uses, which is its live content once the page
    is live; a draft's content lives in revisions, which it does not read. Together they say which
    media a course uses, and so which its authors may pick (sme.media_scope reads the rows of each
    page's latest revision). A revision's rows are written as it is saved, and go with it."""

    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey("wagtailimages.Image", null=True, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=False, document__isnull=True)
                | models.Q(image__isnull=True, document__isnull=False),
                name="revision_media_is_an_image_or_a_document",
            ),
        ]

    def __str__(self):
        return f"revision {self.revision_id} uses {self.image_id or self.document_id}"
