"""The organisation the authorisation matrix requests URLs against: the demo (seed_demo), plus what
the demo lacks for object-level cases: another author's draft (the secret), a stranger's
certificate and notification, an image, a document and a redirect.

`values_for(route, case)` fills a URL pattern's parameters with real ids. Objects are fixed, not
chosen per identity: "the learner's certificate" is another person's certificate for everyone else.
"""

import io
import re

from django.core.files.images import ImageFile
from django.core.management import call_command

from tests.support.access_matrix import DEMO_EMAILS, SECRET_TITLE

MISSING = 999999  # an id that exists nowhere: the page answers 404 to everyone


def _identity_provider() -> int:
    """An OpenID Connect provider an L&D admin added (guild.sso), never contacted by the matrix."""
    from allauth.socialaccount.models import SocialApp

    app, _ = SocialApp.objects.get_or_create(
        provider="openid_connect", provider_id="matrix-oidc",
        defaults={"name": "Matrix IdP", "client_id": "matrix", "secret": "matrix", "settings": {"server_url": "https://idp.invalid"}},
    )
    return app.pk


def build_org() -> dict:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page, Site, Task, TaskState, Workflow, WorkflowState

    from courses.automation.models import EnrolmentRule
    from courses.models import (
        Certificate,
        Cohort,
        CoursePage,
        DiscussionPost,
        DiscussionThread,
        Enrolment,
        LearningPathPage,
        LessonPage,
        LessonReaction,
    )
    from governance.models import (
        ActionItem,
        BusinessGoal,
        Committee,
        Initiative,
        KPIDefinition,
        LearningNeed,
        Meeting,
    )
    from governance.review.models import ReviewAssignment
    from guild.notifications.models import Notification, OutboxMessage
    from guild.notifications.services import unsubscribe_token
    from guild.people.models import Team, User
    from guild.people.roles import Role
    from guild.people.tokens import create_token
    from guild.skills.models import JobRole, Skill, SkillCategory
    from guild.webhooks.models import WebhookEndpoint
    from rewards.models import Badge, BadgeAward, Kudos, RewardLedgerEntry
    from rewards.models.point_values import RewardSettings
    from sme.models import CourseTemplate, Nomination
    from tests.support.courses import complete_course_for, make_course
    from tests.support.people import make_user

    call_command("seed_demo", verbosity=0)
    users = {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
    User.objects.filter(pk=users["learner"].pk).update(employee_id="E-MATRIX")
    omar = make_user(Role.EXPERT, email="omar.author@example.com", first_name="Omar")
    stranger = make_user(email="stranger@example.com", first_name="Stella")
    secret = make_course(SECRET_TITLE, authors=[omar], lessons=2, publish=False)
    secret_lesson = LessonPage.objects.child_of(secret).first()
    own_draft = CoursePage.objects.filter(live=False, course_authors__user=users["expert"]).first()
    course = CoursePage.objects.live().filter(title="SQL for analysts").first() or CoursePage.objects.live().first()
    lesson = LessonPage.objects.live().child_of(course).first()
    stranger_certificate = complete_course_for(stranger, course)

    png = io.BytesIO()
    from PIL import Image as PILImage

    PILImage.new("RGB", (8, 8), "teal").save(png, "PNG")
    image = get_image_model().objects.create(title="Matrix image", file=ImageFile(png, name="matrix.png"))
    from django.core.files.base import ContentFile

    document = get_document_model().objects.create(title="Matrix document", file=ContentFile(b"%PDF-1.4\n", "m.pdf"))
    redirect = Redirect.objects.create(old_path="/old-matrix", redirect_link="/courses/")
    secret_image, secret_document = _secret_media(omar, secret)

    scorm_package, scorm_lesson = _scorm_draft(users["expert"])
    review = ReviewAssignment.objects.select_related("task_state").filter(reviewer=users["reviewer"]).first()
    workflow_state = WorkflowState.objects.filter(object_id=str(review.course_id)).first() if review else None
    notification = Notification.objects.filter(recipient=users["learner"]).first()
    if notification is None:
        notification = Notification.objects.create(recipient=users["learner"], kind="course_assigned", title="Hello")
    badge_award = BadgeAward.objects.filter(person=users["learner"]).first() or BadgeAward.objects.first()
    community = DiscussionThread.objects.filter(course__isnull=True, cohort__isnull=True).first()
    course_thread = DiscussionThread.objects.filter(course__isnull=False).first()
    learner_certificate = Certificate.objects.filter(learner=users["learner"]).first()
    team = users["learner"].team or Team.objects.first()

    ids = {
        "users": users, "omar": omar, "stranger": stranger,
        "secret": secret.pk, "secret_lesson": secret_lesson.pk, "own_draft": own_draft.pk if own_draft else MISSING,
        "course": course.pk, "lesson": lesson.pk, "lesson_url": lesson.url,
        "path": LearningPathPage.objects.live().values_list("pk", flat=True).first() or MISSING,
        "catalogue": course.get_parent().pk, "root_page": Page.get_first_root_node().pk,
        "course_url": course.url, "secret_url": "/courses/" + secret.slug + "/",
        "revision": secret.latest_revision_id,
        "image": image.pk, "document": document.pk, "secret_image": secret_image, "secret_document": secret_document, "document_filename": document.filename, "redirect": redirect.pk,
        "collection": Collection.get_first_root_node().pk, "site": Site.objects.first().pk,
        "workflow": Workflow.objects.first().pk, "task": Task.objects.first().pk,
        "workflow_state": workflow_state.pk if workflow_state else MISSING,
        "task_state": review.task_state_id if review else MISSING,
        "review_course": review.course_id if review else MISSING,
        "review_assignment": review.pk if review else MISSING,
        "other_review": (ReviewAssignment.objects.exclude(reviewer=users["reviewer"]).values_list("pk", flat=True)
                         .first() or MISSING),
        "notification": notification.pk,
        "stranger_notification": Notification.objects.create(recipient=stranger, kind="course_assigned", title="Hi").pk,
        "unsubscribe": unsubscribe_token(user_id=users["learner"].pk, kind="reminder"),
        "learner_certificate": learner_certificate.pk if learner_certificate else MISSING,
        "stranger_certificate": stranger_certificate.pk,
        "certificate_code": stranger_certificate.code,
        "enrolment": Enrolment.objects.filter(learner=users["learner"]).values_list("pk", flat=True).first(),
        "stranger_enrolment": Enrolment.objects.filter(learner=stranger).values_list("pk", flat=True).first(),
        "thread": course_thread.pk if course_thread else MISSING,
        "community_thread": community.pk if community else MISSING,
        "post": (DiscussionPost.objects.filter(thread=course_thread).values_list("pk", flat=True).first()
                 if course_thread else None) or MISSING,
        "community_post": (DiscussionPost.objects.filter(thread=community).values_list("pk", flat=True).first()
                           if community else None) or MISSING,
        "cohort": (Cohort.objects.values_list("slug", flat=True).first() or "no-such-cohort"),
        "reaction": (LessonReaction.objects.filter(kind="question").values_list("pk", flat=True).first() or MISSING),
        "nomination": Nomination.objects.values_list("pk", flat=True).first() or MISSING,
        "template": CourseTemplate.objects.values_list("slug", flat=True).first(),
        "template_pk": CourseTemplate.objects.values_list("pk", flat=True).first(),
        "need": LearningNeed.objects.values_list("pk", flat=True).first(),
        "goal": BusinessGoal.objects.values_list("pk", flat=True).first(),
        "initiative": Initiative.objects.values_list("pk", flat=True).first(),
        "committee": Committee.objects.values_list("pk", flat=True).first(),
        "meeting": Meeting.objects.values_list("pk", flat=True).first(),
        "action": ActionItem.objects.values_list("pk", flat=True).first(),
        "kpi": KPIDefinition.objects.values_list("slug", flat=True).first(),
        "badge": Badge.objects.values_list("slug", flat=True).first(),
        "badge_pk": Badge.objects.values_list("pk", flat=True).first(),
        "badge_award": badge_award.uid if badge_award else "00000000-0000-0000-0000-000000000000",
        "badge_award_pk": badge_award.pk if badge_award else MISSING,
        "kudos": Kudos.objects.values_list("pk", flat=True).first() or MISSING,
        "ledger": RewardLedgerEntry.objects.filter(person=users["learner"]).values_list("pk", flat=True).first()
        or MISSING,
        "rule": EnrolmentRule.objects.values_list("pk", flat=True).first() or MISSING,
        "outbox": OutboxMessage.objects.values_list("pk", flat=True).first() or MISSING,
        "learner_id": users["learner"].pk, "expert_id": users["expert"].pk,
        "team": team.pk, "team_slug": team.slug, "employee_id": "E-MATRIX",
        "identity_provider": _identity_provider(),
        "skill": Skill.objects.values_list("pk", flat=True).first(),
        "skill_slug": Skill.objects.values_list("slug", flat=True).first() or "no-such-skill",
        "job_role_slug": JobRole.objects.values_list("slug", flat=True).first() or "no-such-role",
        "api_token": create_token(user=users["learner"], name="Matrix BI tool", scopes="read")[0].pk,
        "webhook": WebhookEndpoint.objects.create(name="Matrix HR", url="https://hr.example.com/hooks",
                                                  events=["course.completed"]).pk,
        "skill_category": SkillCategory.objects.values_list("pk", flat=True).first(),
        "job_role": JobRole.objects.values_list("pk", flat=True).first() or MISSING,
        "group": Group.objects.get(name="Learner").pk if Group.objects.filter(name="Learner").exists()
        else Group.objects.first().pk,
        "email_address": EmailAddress.objects.filter(user=users["learner"]).values_list("pk", flat=True).first(),
        "user_content_type": ContentType.objects.get_for_model(User).pk,
        "task_state_any": TaskState.objects.values_list("pk", flat=True).first() or MISSING,
        "scorm_package": scorm_package.pk, "scorm_launch": scorm_package.items.first().launch.split("?")[0],
        "scorm_lesson": scorm_lesson.pk,
        "reward_settings": RewardSettings.load().pk,
        "lrs": _lrs().pk,
    }
    return ids


def _secret_media(author, secret) -> tuple[int, int]:
    """An image and a document the secret draft's author uploaded into the course media for it
    (sme.media_scope: nobody else sees them, but L&D admins)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from sme.setup import MEDIA_COLLECTION
    from tests.support.courses import make_lesson

    png = io.BytesIO()
    from PIL import Image as PILImage

    PILImage.new("RGB", (8, 8), "navy").save(png, "PNG")
    media = Collection.objects.get(name=MEDIA_COLLECTION)
    image = get_image_model().objects.create(title="Secret diagram", file=ImageFile(png, name="secret.png"),
                                             collection=media, uploaded_by_user=author)
    document = get_document_model().objects.create(title="Secret notes", file=ContentFile(b"%PDF-1.4\n", "s.pdf"),
                                                   collection=media, uploaded_by_user=author)
    make_lesson(secret, title="Secret media", publish=False, body=[
        {"type": "image", "value": {"image": image.pk, "alt_text": "A diagram", "caption": ""}},
        {"type": "document", "value": {"document": document.pk, "description": ""}},
    ])
    return image.pk, document.pk


def _lrs():
    from guild.xapi.models import LearningRecordStore

    # Paused, so that the matrix's requests queue no xAPI deliveries.
    return LearningRecordStore.objects.get_or_create(name="matrix-lrs", defaults={
        "endpoint": "https://lrs.example.com/xAPI/", "key": "matrix", "secret": "matrix-secret", "is_active": False})[0]


def _scorm_draft(author):
    """The expert's draft course imported from the small SCORM 1.2 package of the SCORM tests."""
    import zipfile
    from pathlib import Path

    from courses.scorm.models import ScormLessonPage
    from courses.scorm.services.importing import import_package

    folder = Path(__file__).resolve().parents[1] / "scorm" / "fixtures" / "sco12"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    buffer.seek(0)
    package, course = import_package(fileobj=buffer, author=author, size=len(buffer.getvalue()))
    return package, ScormLessonPage.objects.child_of(course).first()


# Which object a parameter names, by route: the first rule whose pattern matches the route wins.
# (route regex, parameter) -> key in the organisation, or a literal.
RULES = [
    (r"^notifications/", "pk", "notification"),
    (r"^notifications/", "token", "unsubscribe"),
    (r"^learning/certificates/", "pk", "learner_certificate"),
    (r"^learning/attempt-requests/", "pk", MISSING),
    (r"^learning/boosters/", "pk", MISSING),
    (r"^learning/boosters/", "course_id", MISSING),
    (r"^boosters/", "token", "not-a-signed-token"),
    (r"^team/", "pk", MISSING),
    (r"^cohorts/", "pk", MISSING),
    (r"^team/export", "fmt", "csv"),
    (r"^certificates/verify/", "code", "certificate_code"),
    (r"^learning/paths/", "path_id", "path"),
    (r"^learning/", "course_id", "course"),
    (r"^learning/", "lesson_id", "lesson"),
    (r"^learning/discussions/", "thread_id", "thread"),
    (r"^learning/discussions/posts/", "post_id", "post"),
    (r"^learning/cohorts/", "slug", "cohort"),
    (r"^sme/community/", "thread_id", "community_thread"),
    (r"^sme/templates/", "slug", "template"),
    (r"^sme/questions/", "reaction_id", "reaction"),
    (r"^sme/courses/", "course_id", "course"),
    (r"^experts/nominations/", "nomination_id", "nomination"),
    (r"^experts/", "user_id", "expert_id"),
    (r"^reviews/courses/", "course_id", "review_course"),
    (r"^reviews/", "assignment_id", "review_assignment"),
    (r"^needs/", "pk", "need"),
    (r"^governance/goals/", "pk", "goal"),
    (r"^governance/initiatives/", "pk", "initiative"),
    (r"^governance/committees/", "pk", "committee"),
    (r"^governance/meetings/", "pk", "meeting"),
    (r"^governance/actions/", "pk", "action"),
    (r"^governance/kpis/", "slug", "kpi"),
    (r"^governance/export", "fmt", "csv"),
    (r"^governance/figures/", "figure", "overdue"),
    (r"^governance/figures/", "fmt", "csv"),
    (r"^governance/reports/courses/", "pk", "course"),
    (r"^governance/reports/people/", "pk", "learner_id"),
    (r"^governance/reports/subscriptions/", "pk", MISSING),
    (r"^governance/reports/", "fmt", "csv"),
    (r"^rewards/people/", "pk", "learner_id"),
    (r"^rewards/(badges|openbadges)/", "slug", "badge"),
    (r"^rewards/", "uid", "badge_award"),
    (r"^kudos/", "pk", "kudos"),
    (r"^automation/rules/", "pk", "rule"),
    (r"^automation/outbox/", "pk", "outbox"),
    (r"^media/", "path", "no-such-file.png"),
    (r"^scorm/content/", "package_id", "scorm_package"),
    (r"^scorm/content/", "path", "scorm_launch"),
    (r"^scorm/lessons/", "lesson_id", "scorm_lesson"),
    (r"^scorm/sessions/", "runtime_id", MISSING),
    (r"^sme/courses/.*/remove/", "user_id", "expert_id"),
    (r"^api/\^people", "employee_id", "employee_id"),
    (r"^api/\^teams", "slug", "team_slug"),
    (r"^api/\^courses", "pk", "course"),
    (r"^api/\^enrolments", "pk", "enrolment"),
    (r"^api/\^governance/kpis", "slug", "kpi"),
    (r"^api/\^rewards/ledger", "pk", "ledger"),
    (r"^api/\^paths", "pk", "path"),
    (r"^api/\^certificates", "pk", "learner_certificate"),
    (r"^api/\^skills", "slug", "skill_slug"),
    (r"^api/\^job-roles", "slug", "job_role_slug"),
    (r"^api/\^person-skills", "pk", MISSING),
    (r"^cms/webhooks/", "pk", "webhook"),
    (r"^cms/api-tokens/", "pk", "api_token"),
    (r"^api/\^rewards/badge-awards", "pk", "badge_award_pk"),
    (r"^scim/v2/", "pk", "1"),  # any id: SCIM answers only to a token, which no identity here holds
    (r"^api/<drf_format_suffix", "format", ".json"),
    (r"^api/", "format", "json"),
    (r"^documents/authenticate", "restriction_id", MISSING),
    (r"^_util/", "page_view_restriction_id", MISSING),
    (r"^_util/", "page_id", "course"),
    (r"^accounts/", "key", "not-a-real-key"),
    (r"^accounts/", "organization_slug", MISSING),  # SSO: no such identity provider, 404 (guild.sso)
    (r"^accounts/", "provider_id", MISSING),
    (r"^accounts/", "uidb36", "zz"),
    # Wagtail's admin: the secret draft wherever a page is named, so an expert who neither authors
    # nor reviews it must be refused everywhere (and L&D admins see it).
    (r"^cms/api/main/\^pages", "pk", "secret"),
    (r"^cms/api/main/\^pages", "action_name", "copy"),
    (r"^cms/api/main/\^documents", "pk", "document"),
    (r"^cms/api/main/\^images", "pk", "image"),
    (r"^cms/pages/\^", "pk", "secret"),
    (r"^cms/pages/\^", "revision_id_a", "earliest"),
    (r"^cms/pages/\^", "revision_id_b", "latest"),
    (r"^cms/", "page_id", "secret"),
    (r"^cms/", "parent_page_id", "secret"),
    (r"^cms/", "page_to_move_id", "secret"),
    (r"^cms/", "destination_id", "catalogue"),
    (r"^cms/", "revision_id", "revision"),
    (r"^cms/pages/workflow/", "task_state_id", "task_state"),
    (r"^cms/pages/workflow/", "task_id", "task"),
    (r"^cms/pages/workflow/", "action_name", "approve"),
    (r"^cms/pages/", "workflow_state_id", "workflow_state"),
    (r"^cms/pages/", "content_type_app_name", "courses"),
    (r"^cms/pages/", "content_type_model_name", "coursepage"),
    (r"^cms/pages/create/", "app_label", "courses"),
    (r"^cms/pages/create/", "model_name", "coursepage"),
    (r"^cms/bulk/", "app_label", "wagtailcore"),
    (r"^cms/bulk/", "model_name", "page"),
    (r"^cms/bulk/", "action", "delete"),
    (r"^cms/collections/", "pk", "collection"),
    (r"^cms/collections/", "collection_id", "collection"),
    (r"^cms/workflows/tasks/", "pk", "task"),
    (r"^cms/workflows/tasks/add/", "app_label", "review"),
    (r"^cms/workflows/tasks/add/", "model_name", "peerreviewtask"),
    (r"^cms/workflows/task_chooser/", "task_id", "task"),
    (r"^cms/workflows/remove/", "page_pk", "catalogue"),
    (r"^cms/workflows/remove/", "workflow_pk", "workflow"),
    (r"^cms/workflows/", "pk", "workflow"),
    (r"^cms/editing-sessions/", "app_label", "wagtailcore"),
    (r"^cms/editing-sessions/", "model_name", "page"),
    (r"^cms/editing-sessions/", "object_id", "secret"),
    (r"^cms/editing-sessions/", "session_id", MISSING),
    (r"^cms/forms/", "page_id", "course"),
    (r"^cms/redirects/", "redirect_id", "redirect"),
    (r"^cms/settings/", "app_name", "rewards"),
    (r"^cms/settings/", "model_name", "rewardsettings"),
    (r"^cms/settings/", "pk", "reward_settings"),
    # The choosers' "chosen" views: which collections a role may choose from is tested in
    # tests/sme/test_experts_upload_media.py; here only that a missing object is refused.
    (r"^cms/(documents|images)/chooser/", "pk", MISSING),
    (r"^cms/images/chooser/", "image_id", MISSING),
    (r"^cms/documents/", "document_id", "document"),
    (r"^cms/documents/", "doc_id", "document"),
    (r"^cms/documents/", "pk", "document"),
    (r"^cms/(documents|images)/", "uploaded_file_id", MISSING),
    (r"^cms/images/", "image_id", "image"),
    (r"^cms/images/", "pk", "image"),
    (r"^cms/images/", "filter_spec", "max-80x80"),
    (r"^cms/snippets/(choose/)?sme/coursetemplate/", "pk", "template_pk"),
    (r"^cms/snippets/(choose/)?rewards/badge/", "pk", "badge_pk"),
    (r"^cms/organisation/people/", "pk", "learner_id"),
    (r"^cms/organisation/teams/", "pk", "team"),
    (r"^cms/identity-providers/", "pk", "identity_provider"),
    (r"^cms/organisation/skills/", "pk", "skill"),
    (r"^cms/organisation/skill-categories/", "pk", "skill_category"),
    (r"^cms/xapi/lrs/", "pk", "lrs"),
    (r"^cms/organisation/job-roles/", "pk", "job_role"),
    (r"^cms/sites/", "pk", "site"),
    (r"^cms/users/", "pk", "learner_id"),
    (r"^cms/groups/", "pk", "group"),
    (r"^cms/tag-autocomplete/", "app_name", "taggit"),
    (r"^cms/tag-autocomplete/", "model_name", "tag"),
    (r"^cms/password_reset/", "uidb64", "MQ"),
    (r"^cms/password_reset/", "token", "not-a-token"),
    (r"^django-admin/r/", "content_type_id", "user_content_type"),
    (r"^django-admin/r/", "object_id", "learner_id"),
    (r"^django-admin/wagtaildocs/", "object_id", "document"),
    (r"^django-admin/wagtailimages/", "object_id", "image"),
    (r"^django-admin/account/", "object_id", "email_address"),
    (r"^django-admin/auth/group/", "object_id", "group"),
    (r"^django-admin/", "object_id", MISSING),
    (r"^django-admin/", "app_label", "auth"),
    (r"^django-admin/", "url", "no-such-admin-page/"),
]

# URLs that reverse() cannot build (unnamed or positional patterns), and the object-level cases:
# (route, case) -> URL (with {key} placeholders filled from the organisation).
LITERAL = {
    ("documents/^(\\d+)/(.*)$", "-"): "/documents/{document}/{document_filename}",
    ("^((?:[\\w\\-]+/)*)$", "-"): "{course_url}",
    ("^((?:[\\w\\-]+/)*)$", "secret"): "{secret_url}",
    ("cms/^.*/$", "-"): "/cms/no-such-admin-page/",
    ("accounts/social/login/cancelled/", "-"): "/accounts/social/login/cancelled/",
    ("accounts/social/login/error/", "-"): "/accounts/social/login/error/",
    ("accounts/social/signup/", "-"): "/accounts/social/signup/",
    ("accounts/social/connections/", "-"): "/accounts/social/connections/",
    ("governance/readiness/people/", "-"): "/governance/readiness/people/?team={team_slug}&skill={skill_slug}",
    # object-level: another person's object, another author's draft, a listing that must not leak
    ("learning/certificates/<id:pk>/", "stranger"): "/learning/certificates/{stranger_certificate}/",
    ("learning/certificates/<id:pk>/pdf/", "stranger"): "/learning/certificates/{stranger_certificate}/pdf/",
    ("notifications/<id:pk>/read/", "stranger"): "/notifications/{stranger_notification}/read/",
    ("learning/discussions/<id:thread_id>/", "community"): "/learning/discussions/{community_thread}/",
    ("learning/discussions/<id:thread_id>/people/", "community"): "/learning/discussions/{community_thread}/people/",
    ("learning/discussions/posts/<id:post_id>/vote/", "community"): "/learning/discussions/posts/{community_post}/vote/",
    ("learning/courses/<page_id:course_id>/enrol/", "secret"): "/learning/courses/{secret}/enrol/",
    ("learning/lessons/<page_id:lesson_id>/complete/", "secret"): "/learning/lessons/{secret_lesson}/complete/",
    ("reviews/<id:assignment_id>/", "other"): "/reviews/{other_review}/",
    ("api/^enrolments/(?P<pk>[0-9]+)/$", "stranger"): "/api/enrolments/{stranger_enrolment}/",
    ("api/^courses/(?P<pk>[0-9]+)/$", "secret"): "/api/courses/{secret}/",
    ("cms/pages/<int:page_id>/edit/", "own"): "/cms/pages/{own_draft}/edit/",
    ("cms/api/main/^pages/$", "search"): "/cms/api/main/pages/?search=Quasar",
    ("cms/api/main/^pages/$", "child_of"): "/cms/api/main/pages/?child_of={secret}",
    ("cms/bulk/<str:app_label>/<str:model_name>/<str:action>/", "-"):
        "/cms/bulk/wagtailcore/page/delete/?id={secret}",
    ("cms/images/chooser/chosen/<str:pk>/", "secret"): "/cms/images/chooser/chosen/{secret_image}/",
    ("cms/documents/chooser/chosen/<str:pk>/", "secret"): "/cms/documents/chooser/chosen/{secret_document}/",
    ("cms/images/<int:image_id>/", "secret"): "/cms/images/{secret_image}/",
    ("cms/api/main/^images/<int:pk>/", "secret"): "/cms/api/main/images/{secret_image}/",
    ("cms/api/main/^documents/<int:pk>/", "secret"): "/cms/api/main/documents/{secret_document}/",
    ("cms/pages/search/", "search"): "/cms/pages/search/?q=Quasar",
    ("cms/choose-page/search/", "search"): "/cms/choose-page/search/?q=Quasar",
}


def literal_cases(route: str) -> list[str]:
    return [case for (r, case) in LITERAL if r == route and case != "-"]


def literal_url(route: str, case: str, org: dict) -> str | None:
    template = LITERAL.get((route, case))
    return template and template.format(**org)


def values_for(route: str, params, org: dict) -> dict:
    values = {}
    for param in params:
        for pattern, name, key in RULES:
            if name == param and re.search(pattern, route):
                values[param] = org.get(key, key) if isinstance(key, str) else key
                break
        else:
            raise LookupError(f"no rule fills <{param}> in {route}: add one to tests/support/access_org.RULES")
    return values
