from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cohorts import Cohort
from .pages import CoursePage


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
    # Votes on the opening post (the question), kept here so a list sorts by votes without counting.
    vote_count = models.PositiveIntegerField(default=0)
    # A reply by one of the course's authors that answers the question (courses.services.discussions).
    answer = models.ForeignKey(
        "DiscussionPost", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("answer")
    )

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
    vote_count = models.PositiveIntegerField(default=0)  # kept by the vote service, so pages never count

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.body[:60]


class PostVote(models.Model):
    """One person's vote for a question or an answer; voting again is refused, undoing deletes it."""

    post = models.ForeignKey(DiscussionPost, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="post_votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "voter"], name="one_vote_per_person_and_post")]

    def __str__(self):
        return f"{self.voter_id} → post {self.post_id}"


class Mention(models.Model):
    """Who a post mentioned and was told: the unique pair makes the notice once per post and person."""

    post = models.ForeignKey(DiscussionPost, on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "person"], name="one_mention_per_post_and_person")]

    def __str__(self):
        return f"@{self.person_id} in post {self.post_id}"
