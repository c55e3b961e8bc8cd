"""Course content: the Wagtail pages authors write and reviewers validate.

What a page shows and records when served lives in courses.page_views, reached through
courses.page_handlers, so this module never imports the selectors and services that import it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from guild.skills.models import SkillLevel

from ..blocks import LessonStreamBlock
from ..page_handlers import handler
from ..permissions import AuthorPagePermissionTester


class CataloguePage(Page):
    """The course catalogue, served at /courses/."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage", "courses.LearningPathPage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(handler("catalogue_context")(self, request))
        return context


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CoursePage(Page):
    summary = models.TextField(_("summary"), max_length=500, help_text=_("One or two sentences: what will a learner be able to do?"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("cover image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    skills = ParentalManyToManyField("skills.Skill", verbose_name=_("skills taught"), blank=True, related_name="courses")
    level = models.CharField(_("level"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BEGINNER)
    # The skill level the course brings a learner to, in each skill it teaches: completing it proposes
    # that level (guild.skills.services.propose_from_course), for the manager to validate unless
    # the course's level is recorded as it is.
    skill_level_taught = models.PositiveSmallIntegerField(
        _("skill level it teaches"), choices=SkillLevel.choices, null=True, blank=True,
        help_text=_("Completing the course proposes this level in each skill it teaches. Leave empty to propose none."),
    )
    skill_level_needs_no_validation = models.BooleanField(
        _("record the level without the manager's validation"), default=False,
        help_text=_("For courses whose assessment proves the level (e.g. a graded exam)."),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated minutes"), default=30, validators=[MinValueValidator(1), MaxValueValidator(6000)]
    )
    audience = models.TextField(_("who is it for"), blank=True, help_text=_("Audience notes and prerequisites."))
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Leave empty if the certificate never expires."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("quiz pass mark (%)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty to use 70%."),
    )
    max_quiz_attempts = models.PositiveSmallIntegerField(
        _("quiz attempts allowed"), default=3, help_text=_("0 means unlimited.")
    )
    allow_self_enrolment = models.BooleanField(_("people can enrol themselves"), default=True)
    allow_unenrolment = models.BooleanField(_("people can leave the course"), default=True)
    is_mandatory = models.BooleanField(
        _("mandatory (compliance)"), default=False, help_text=_("Reminders for mandatory courses cannot be turned off.")
    )
    # Locks (courses.selectors.progression): a lesson opens once the required lessons before it are
    # done, and every lesson once the prerequisite courses are completed.
    lessons_in_order = models.BooleanField(
        _("lessons open in order"), default=False,
        help_text=_("Learners finish each required lesson before the next one opens."),
    )
    prerequisites = ParentalManyToManyField(
        "self", verbose_name=_("prerequisite courses"), symmetrical=False, blank=True, related_name="required_by",
        # Only published courses are offered: the editor must not list other authors' drafts.
        limit_choices_to={"live": True},
        help_text=_("Learners complete these courses before this course's lessons open."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.FilterField("level"),
        index.FilterField("estimated_minutes"),
        index.RelatedFields("skills", [index.SearchField("name")]),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("skills"), FieldPanel("skill_level_taught"), FieldPanel("skill_level_needs_no_validation"),
             FieldPanel("level"), FieldPanel("estimated_minutes"), FieldPanel("audience")],
            heading=_("Who and what"),
        ),
        InlinePanel("course_authors", label=_("Authors"), heading=_("Authors and co-authors")),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_quiz_attempts"), FieldPanel("certificate_validity_months")],
            heading=_("Quizzes and certificate"),
        ),
        MultiFieldPanel(
            [FieldPanel("allow_self_enrolment"), FieldPanel("allow_unenrolment"), FieldPanel("is_mandatory")],
            heading=_("Enrolment"),
        ),
        MultiFieldPanel([FieldPanel("lessons_in_order"), FieldPanel("prerequisites")], heading=_("Order")),
    ]
    parent_page_types = ["courses.CataloguePage"]
    subpage_types = ["courses.LessonPage", "scorm.ScormLessonPage"]

    DEFAULT_PASS_MARK = 70
    # Wagtail's page explorer lists a course's lessons in the course's order, not newest-edited first.
    admin_default_ordering = "ord"
    # courses.permissions reads this rather than importing the page classes.
    authored_as = "course"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def effective_pass_mark(self):
        return self.pass_mark or self.DEFAULT_PASS_MARK

    def author_ids(self):
        return {a.user_id for a in self.course_authors.all()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(handler("course_context")(self, request))
        return context

    def permissions_for_user(self, user):
        # Experts edit only the courses they author or co-author (courses.permissions).
        return AuthorPagePermissionTester(user, self)


class CourseAuthor(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="course_authors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="course_authorships")
    is_lead = models.BooleanField(_("lead author"), default=False)

    panels = [FieldPanel("user"), FieldPanel("is_lead")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        constraints = [models.UniqueConstraint(fields=["course", "user"], name="one_authorship_per_course_and_person")]


class LessonPage(Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"), blank=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=10, validators=[MinValueValidator(1)])
    is_required = models.BooleanField(_("required for completion"), default=True)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body"), FieldPanel("estimated_minutes"), FieldPanel("is_required")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    authored_as = "lesson"  # see CoursePage.authored_as

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def questions(self):
        """The quiz questions of this lesson, in order: [(block_id, value), ...]."""
        return [(b.id, b.value) for b in self.body if b.block_type == "question"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(handler("lesson_context")(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        handler("lesson_served")(self, request, response)
        return response

    def permissions_for_user(self, user):
        # Only the course's authors edit its lessons (courses.permissions).
        return AuthorPagePermissionTester(user, self)


class LearningPathPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    skills = ParentalManyToManyField("skills.Skill", verbose_name=_("skills"), blank=True, related_name="paths")

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("skills"), InlinePanel("path_courses", label=_("Courses, in order"))]
    parent_page_types = ["courses.CataloguePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(handler("path_context")(self, request))
        return context


class PathCourse(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="path_courses")
    course = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["path", "course"], name="course_once_per_path")]
