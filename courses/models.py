"""Course content (Wagtail pages) and learning records.

Pages hold what authors write and reviewers validate; everything that changes as people
learn (enrolments, progress, ratings, stats) lives in plain models, never in page fields,
so that publishing a revision can never overwrite it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import LessonStreamBlock

# --- Content (Wagtail pages) -----------------------------------------------------------------


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
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        query, page_obj, statuses, skills = selectors.catalogue(
            params=request.GET, page_number=request.GET.get("page"), user=request.user
        )
        context.update(query=query, page_obj=page_obj, statuses=statuses, skills=skills, levels=CourseLevel.choices,
                       query_string=query.querystring())
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
            [FieldPanel("skills"), FieldPanel("level"), FieldPanel("estimated_minutes"), FieldPanel("audience")],
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
    ]
    parent_page_types = ["courses.CataloguePage"]
    subpage_types = ["courses.LessonPage"]

    DEFAULT_PASS_MARK = 70

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def effective_pass_mark(self):
        return self.pass_mark or self.DEFAULT_PASS_MARK

    def author_ids(self):
        return {a.user_id for a in self.course_authors.all()}

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["view"] = selectors.course_view(course=self, user=request.user)
        return context

    def permissions_for_user(self, user):
        # Experts edit only the courses they author or co-author (courses.permissions).
        from courses.permissions import AuthorPagePermissionTester

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

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def questions(self):
        """The quiz questions of this lesson, in order: [(block_id, value), ...]."""
        return [(b.id, b.value) for b in self.body if b.block_type == "question"]

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        attempt = request.GET.get("attempt", "")
        view = selectors.lesson_view(lesson=self, user=request.user, attempt_number=int(attempt) if attempt.isdigit() else None)
        context.update(view=view, questions=self.questions())
        return context

    def serve(self, request, *args, **kwargs):
        from . import services

        response = super().serve(request, *args, **kwargs)
        # Editors' previews are not learning: log only real views of the live page.
        if request.user.is_authenticated and response.status_code == 200 and not getattr(request, "is_preview", False):
            view = response.context_data["view"] if hasattr(response, "context_data") else None
            course = view.course if view else services.course_of(self)
            services.record_lesson_view(learner=request.user, lesson=self, course=course)
        return response

    def permissions_for_user(self, user):
        # Only the course's authors edit its lessons (courses.permissions).
        from courses.permissions import AuthorPagePermissionTester

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
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["rows"] = selectors.path_view(path=self, user=request.user)
        return context


class PathCourse(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="path_courses")
    course = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["path", "course"], name="course_once_per_path")]


# --- Learning records ---------------------------------------------------------------------------


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Self-enrolled")
    ASSIGNED = "assigned", _("Assigned")
    RULE = "rule", _("Enrolment rule")
    COHORT = "cohort", _("Cohort")
    PATH = "path", _("Learning path")
    RENEWAL = "renewal", _("Certificate renewal")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Left")


class Enrolment(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    source = models.CharField(_("source"), max_length=20, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF)
    # The rule, cohort or path that enrolled the learner, when source says so.
    source_id = models.BigIntegerField(_("source id"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments_assigned"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_lesson = models.ForeignKey(LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_enrolment_per_learner_and_course"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="progress_at_most_100"),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"], name="enrolment_status_due"),
            models.Index(fields=["course", "status"], name="enrolment_course_status"),
            models.Index(fields=["learner", "status"], name="enrolment_learner_status"),
        ]

    def __str__(self):
        return f"{self.learner} → {self.course}"

    @property
    def is_overdue(self):
        return (
            self.status == EnrolmentStatus.ACTIVE
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_completed_once")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="quiz_attempts")
    attempt_number = models.PositiveSmallIntegerField(_("attempt"))
    answers = models.JSONField(_("answers"), default=dict)  # {question_block_id: [choice_id, ...]}
    score = models.PositiveSmallIntegerField(_("score (%)"), validators=[MaxValueValidator(100)])
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson", "attempt_number"], name="quiz_attempt_numbered_once")
        ]
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id} #{self.attempt_number} ({self.score}%)"


class Certificate(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="certificates")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="certificates")
    code = models.CharField(_("verification code"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["expires_at"], name="certificate_expiry")]

    def __str__(self):
        return self.code

    @property
    def is_valid(self):
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    course = models.ForeignKey(CoursePage, null=True, blank=True, on_delete=models.CASCADE, related_name="cohorts")
    path = models.ForeignKey(LearningPathPage, null=True, blank=True, on_delete=models.CASCADE, related_name="cohorts")
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="facilitated_cohorts")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CohortMembership", related_name="cohorts")

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"),
            models.CheckConstraint(
                condition=models.Q(course__isnull=False) | models.Q(path__isnull=False), name="cohort_has_course_or_path"
            ),
        ]

    def __str__(self):
        return self.name


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "learner"], name="one_membership_per_cohort")]

    def __str__(self):
        return f"{self.learner} in {self.cohort}"


# --- Feedback to authors ------------------------------------------------------------------------


class ReactionKind(models.TextChoices):
    USEFUL = "useful", _("Useful")
    LEARNED = "learned", _("I learned something")
    OUTDATED = "outdated", _("Outdated")
    QUESTION = "question", _("I have a question")


class LessonReaction(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_reactions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="reactions")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="lesson_reactions")
    kind = models.CharField(_("reaction"), max_length=20, choices=ReactionKind.choices)
    text = models.TextField(_("question"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One of each kind per learner and lesson, except questions: ask as many as you need.
            models.UniqueConstraint(
                fields=["learner", "lesson", "kind"], condition=~models.Q(kind="question"), name="one_reaction_of_a_kind"
            ),
            models.CheckConstraint(condition=~models.Q(kind="question") | ~models.Q(text=""), name="question_has_text"),
        ]
        indexes = [models.Index(fields=["course", "kind", "created_at"], name="reaction_course_kind")]

    def __str__(self):
        return f"{self.kind}: {self.lesson_id}"


class CourseRating(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_ratings")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="ratings")
    stars = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    relevant = models.BooleanField(_("relevant to my job"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_rating_per_learner_and_course"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="stars_1_to_5"),
        ]

    def __str__(self):
        return f"{self.course_id}: {self.stars}/5"


class DiscussionThread(models.Model):
    """A discussion: about a course, inside a cohort, or in a named space (e.g. the authors' community)."""

    course = models.ForeignKey(CoursePage, null=True, blank=True, on_delete=models.CASCADE, related_name="threads")
    cohort = models.ForeignKey(Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="threads")
    space = models.SlugField(_("space"), max_length=60, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)
    post_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-last_post_at"]
        indexes = [models.Index(fields=["course", "-last_post_at"], name="thread_course_recent")]

    def __str__(self):
        return self.title


class DiscussionPost(models.Model):
    thread = models.ForeignKey(DiscussionThread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_posts")
    body = models.TextField(_("message"), max_length=5000)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.body[:60]


class CourseStats(models.Model):
    """Counters kept by the services as things happen, so lists and dashboards never aggregate per view."""

    course = models.OneToOneField(CoursePage, on_delete=models.CASCADE, related_name="stats", primary_key=True)
    enrolments = models.PositiveIntegerField(default=0)
    active = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    rating_count = models.PositiveIntegerField(default=0)
    relevant_yes = models.PositiveIntegerField(default=0)
    relevant_count = models.PositiveIntegerField(default=0)
    useful_count = models.PositiveIntegerField(default=0)
    outdated_count = models.PositiveIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)
    needs_update = models.BooleanField(_("needs update"), default=False)
    needs_update_reason = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"stats {self.course_id}"

    @property
    def rating_average(self):
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None

    @property
    def relevance_rate(self):
        return round(100 * self.relevant_yes / self.relevant_count) if self.relevant_count else None

    @property
    def completion_rate(self):
        return round(100 * self.completions / self.enrolments) if self.enrolments else None
