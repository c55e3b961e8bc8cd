"""Expert-side rules: profiles, nominations, starting courses from templates, co-authors,
answering learners, the authors' community and the "needs update" flag."""

import html
import logging
from datetime import date

import nh3
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses import services as course_services
from courses.models import CataloguePage, CourseAuthor, CoursePage, CourseStats, LessonPage
from courses.permissions import course_author_ids
from guild.notifications.services import notify
from guild.people.models import User
from guild.people.roles import Role
from guild.people.services import grant_role
from guild.skills.models import PersonSkill, SkillLevel

from . import conf
from .community import COMMUNITY_SPACE, is_community_member
from .models import CourseOrigin, ExpertProfile, Nomination, NominationStatus

log = logging.getLogger(__name__)


class ExpertError(Exception):
    """Something a person asked for that the rules refuse; the message says why."""


# --- Profiles -------------------------------------------------------------------------------------


def save_profile(*, user, bio="", open_to_author=True, open_to_review=True, open_to_mentor=False) -> ExpertProfile:
    profile, _created = ExpertProfile.objects.update_or_create(
        user=user,
        defaults={
            "bio": bio.strip()[:2000], "open_to_author": open_to_author,
            "open_to_review": open_to_review, "open_to_mentor": open_to_mentor,
        },
    )
    return profile


def set_expert_skill(*, user, skill, level) -> PersonSkill:
    if level not in SkillLevel.values:
        raise ExpertError(_("Choose a level from 1 to 5."))
    person_skill, _created = PersonSkill.objects.update_or_create(
        person=user, skill=skill, defaults={"level": level, "source": PersonSkill.Source.EXPERT}
    )
    return person_skill


def remove_expert_skill(*, user, skill) -> bool:
    return PersonSkill.objects.filter(person=user, skill=skill, source=PersonSkill.Source.EXPERT).delete()[0] > 0


# --- Nominations ------------------------------------------------------------------------------------


def _ld_admins():
    return User.objects.filter(is_active=True, groups__name=Role.LD_ADMIN).distinct()


def _nominations_url():
    return reverse("sme:nominations")


@transaction.atomic
def nominate(*, nominee, nominated_by, skill, reason) -> Nomination:
    """Nominate `nominee` as an expert in `skill`. Nominating yourself skips your own acceptance."""
    reason = (reason or "").strip()
    if not reason:
        raise ExpertError(_("Say why this person knows the skill well."))
    if not nominee.is_active:
        raise ExpertError(_("This person no longer works here."))
    if PersonSkill.objects.filter(person=nominee, skill=skill, source=PersonSkill.Source.EXPERT).exists():
        raise ExpertError(_("%(name)s is already a confirmed expert in %(skill)s.") % {"name": nominee.display_name, "skill": skill})
    own = nominee.pk == nominated_by.pk
    status = NominationStatus.AWAITING_CONFIRMATION if own else NominationStatus.AWAITING_NOMINEE
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                nominee=nominee, nominated_by=nominated_by, skill=skill, reason=reason, status=status,
                responded_at=timezone.now() if own else None,
            )
    except IntegrityError as exc:
        raise ExpertError(
            _("%(name)s already has an open nomination for %(skill)s.") % {"name": nominee.display_name, "skill": skill}
        ) from exc
    url = _nominations_url()
    if own:
        transaction.on_commit(lambda: _ask_ld_to_confirm(nomination))
    else:
        transaction.on_commit(
            lambda: notify(
                recipient=nominee, kind="nomination.received",
                title=lambda: _("%(name)s nominated you as an expert in %(skill)s")
                % {"name": nominated_by.display_name, "skill": skill.name},
                body=reason, url=url, dedupe_key=f"nomination.received:{nomination.pk}",
            )
        )
    return nomination


def _ask_ld_to_confirm(nomination):
    for admin in _ld_admins():
        notify(
            recipient=admin, kind="nomination.to_confirm",
            title=lambda: _("Confirm %(name)s as an expert in %(skill)s?")
            % {"name": nomination.nominee.display_name, "skill": nomination.skill.name},
            body=nomination.reason, url=_nominations_url(), dedupe_key=f"nomination.to_confirm:{nomination.pk}",
        )


@transaction.atomic
def respond_to_nomination(*, nomination, user, accept: bool) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.nominee_id != user.pk:
        raise ExpertError(_("Only the person nominated can answer this nomination."))
    wanted = NominationStatus.AWAITING_CONFIRMATION if accept else NominationStatus.DECLINED
    if nomination.status == wanted:
        return nomination  # the same answer twice changes nothing
    if nomination.status != NominationStatus.AWAITING_NOMINEE:
        raise ExpertError(_("This nomination has already been answered."))
    nomination.status = wanted
    nomination.responded_at = timezone.now()
    nomination.save(update_fields=["status", "responded_at"])
    if accept:
        transaction.on_commit(lambda: _ask_ld_to_confirm(nomination))
    else:
        transaction.on_commit(
            lambda: notify(
                recipient=nomination.nominated_by, kind="nomination.declined",
                title=lambda: _("%(name)s declined the nomination for %(skill)s")
                % {"name": nomination.nominee.display_name, "skill": nomination.skill.name},
                url=_nominations_url(), dedupe_key=f"nomination.declined:{nomination.pk}",
            )
        )
    return nomination


@transaction.atomic
def decide_nomination(*, nomination, by, confirm: bool, note="") -> Nomination:
    """An L&D admin confirms (granting the Expert role and the skill) or turns down a nomination."""
    if not by.has_role(Role.LD_ADMIN):
        raise ExpertError(_("Only L&D admins can confirm experts."))
    nomination = Nomination.objects.select_for_update().select_related("nominee", "skill").get(pk=nomination.pk)
    wanted = NominationStatus.CONFIRMED if confirm else NominationStatus.REJECTED
    if nomination.status == wanted:
        return nomination
    if nomination.status != NominationStatus.AWAITING_CONFIRMATION:
        raise ExpertError(_("Only a nomination the nominee accepted can be decided."))
    nomination.status = wanted
    nomination.decided_by = by
    nomination.decided_at = timezone.now()
    nomination.decision_note = (note or "").strip()[:2000]
    nomination.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    nominee, skill = nomination.nominee, nomination.skill
    if confirm:
        grant_role(user=nominee, role=Role.EXPERT)
        held = PersonSkill.objects.filter(person=nominee, skill=skill).first()
        level = max(held.level if held else 0, conf.confirmed_expert_level())
        set_expert_skill(user=nominee, skill=skill, level=level)
        ExpertProfile.objects.get_or_create(user=nominee)

    def title():
        if confirm:
            return _("You are now a Guild expert in %(skill)s") % {"skill": skill.name}
        return _("Your nomination for %(skill)s was not confirmed this time") % {"skill": skill.name}

    def manager_title():
        return _("%(name)s is now a Guild expert in %(skill)s") % {"name": nominee.display_name, "skill": skill.name}

    def tell():
        notify(recipient=nominee, kind=f"nomination.{wanted}", title=title, body=nomination.decision_note,
               url=_nominations_url(), dedupe_key=f"nomination.{wanted}:{nomination.pk}")
        manager = nominee.manager
        if confirm and manager and manager.pk != nominee.pk:
            notify(recipient=manager, kind="nomination.confirmed", title=manager_title, url=_profile_url(nominee),
                   dedupe_key=f"nomination.confirmed.manager:{nomination.pk}")

    transaction.on_commit(tell)
    return nomination


def _profile_url(user):
    return reverse("sme:expert", args=[user.pk])


# --- Authoring --------------------------------------------------------------------------------------


def _unique_slug(parent, title):
    base = slugify(title)[:60] or "course"
    existing = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    return slug


def can_author(user) -> bool:
    return user.has_role(Role.EXPERT, Role.LD_ADMIN)


@transaction.atomic
def start_course_from_template(*, template, author, title, catalogue=None):
    """A draft course with `author` as lead author and the template's lessons as draft lessons."""
    title = (title or "").strip()
    if not title:
        raise ExpertError(_("Give the course a title."))
    if len(title) > 255:
        raise ExpertError(_("Keep the title under 255 characters."))
    if not can_author(author):
        raise ExpertError(_("Only experts can write courses. Ask for a nomination on the experts page."))
    if not template.active:
        raise ExpertError(_("This template is no longer offered."))
    catalogue = catalogue or CataloguePage.objects.first()
    if catalogue is None:
        raise ExpertError(_("There is no course catalogue yet: ask an L&D admin to create it."))
    course = CoursePage(
        title=title, slug=_unique_slug(catalogue, title), live=False, owner=author,
        summary=template.description[:500] or _("Say in one or two sentences what a learner will be able to do."),
    )
    course.course_authors.add(CourseAuthor(user=author, is_lead=True))
    catalogue.add_child(instance=course)
    course.save_revision(user=author, log_action=True)
    for lesson in template.template_lessons.all():
        page = LessonPage(
            title=lesson.title, slug=_unique_slug(course, lesson.title), live=False, owner=author,
            body=_lesson_body(lesson),
        )
        course.add_child(instance=page)
        page.save_revision(user=author, log_action=True)
    CourseOrigin.objects.create(course=course, template=template, created_by=author)
    log.info("sme: %s started course %s from template %s", author.pk, course.pk, template.slug)
    return course


# Empty media blocks (StreamField JSON) a template lesson may start with; rendered as nothing until filled.
EMPTY_MEDIA_BLOCKS = {
    "with_image": {"type": "image", "value": {"image": None, "alt_text": "", "caption": ""}},
    "with_video": {"type": "video", "value": {"video": None, "url": "", "title": "", "captions": None,
                                              "captions_language": "", "transcript": ""}},
    "with_document": {"type": "document", "value": {"document": None, "description": ""}},
}


def _lesson_body(lesson):
    """The new lesson's body: the template's guidance as a callout, then its empty media blocks."""
    body = []
    guidance = _guidance_html(lesson.guidance)
    if guidance:
        body.append({"type": "callout", "value": {"kind": "note", "text": guidance}})
    body += [dict(block, value=dict(block["value"])) for flag, block in EMPTY_MEDIA_BLOCKS.items() if getattr(lesson, flag)]
    return body


def _guidance_html(text):
    """Template guidance may be plain text or simple HTML; either way only safe tags survive."""
    text = (text or "").strip()
    if not text:
        return ""
    if "<" not in text:
        return f"<p>{html.escape(text)}</p>"
    return nh3.clean(text, tags={"p", "b", "strong", "i", "em", "ul", "ol", "li", "a", "code"})


def ensure_author(*, course, user, lead=False) -> bool:
    """Make `user` an author of `course`, in the database and in its latest revision, so the
    editor (which edits the revision) keeps them. Returns False when they already were."""
    created = False
    try:
        with transaction.atomic():
            _obj, created = CourseAuthor.objects.get_or_create(course=course, user=user, defaults={"is_lead": lead})
    except IntegrityError:
        created = False
    latest = course.get_latest_revision()
    if latest is not None:
        draft = latest.as_object()
        if user.pk not in {a.user_id for a in draft.course_authors.all()}:
            draft.course_authors.add(CourseAuthor(user=user, is_lead=lead))
            draft.save_revision(user=user, clean=False)
    return created


@transaction.atomic
def invite_co_author(*, course, user, by):
    """An author adds an expert as co-author; they are told and can edit the course at once."""
    if by.pk not in course_author_ids(course) and not by.has_role(Role.LD_ADMIN):
        raise ExpertError(_("Only the course's authors can invite co-authors."))
    if not user.is_active or not user.has_role(Role.EXPERT):
        raise ExpertError(_("%(name)s is not an expert yet: nominate them first.") % {"name": user.display_name})
    if not ensure_author(course=course, user=user):
        raise ExpertError(_("%(name)s already writes this course.") % {"name": user.display_name})
    transaction.on_commit(
        lambda: notify(
            recipient=user, kind="course.co_author",
            title=lambda: _("%(name)s invited you to co-author “%(course)s”") % {"name": by.display_name, "course": course.title},
            url=reverse("wagtailadmin_pages:edit", args=[course.pk]), dedupe_key=f"course.co_author:{course.pk}",
        )
    )


# --- Feedback from learners -------------------------------------------------------------------------


def answer_question(*, reaction, by, answer):
    """An author answers a learner's question on one of their lessons (through the courses
    app's service, so its event, notification and signal follow)."""
    if by.pk not in course_author_ids(reaction.course) and not by.has_role(Role.LD_ADMIN):
        raise ExpertError(_("Only the course's authors can answer its questions."))
    try:
        return course_services.answer_question(reaction=reaction, answered_by=by, answer=answer)
    except course_services.LearningError as exc:
        raise ExpertError(str(exc)) from exc


def _outdated_reason(stats) -> str:
    """Why a course needs an update, in the active language ("" when it does not)."""
    reasons = []
    if stats.outdated_count >= conf.outdated_threshold():
        reasons.append(_("%(n)d learners said a lesson is outdated") % {"n": stats.outdated_count})
    average = stats.rating_average
    if stats.rating_count >= conf.min_ratings() and average is not None and average < conf.low_rating():
        reasons.append(_("the average rating is %(avg)s from %(n)d ratings") % {"avg": average, "n": stats.rating_count})
    return "; ".join(reasons)[:300]


def flag_course_if_outdated(*, course_id) -> bool:
    """Flag a course "needs update" once learners' outdated reactions or low ratings pass the
    thresholds, and tell its authors once per flag. Returns True when it was flagged now."""
    stats = CourseStats.objects.filter(course_id=course_id).select_related("course").first()
    if stats is None or stats.needs_update:
        return False
    reason = _outdated_reason(stats)
    if not reason:
        return False
    # Only the request that flips the flag sends the notification.
    if not CourseStats.objects.filter(course_id=course_id, needs_update=False).update(
        needs_update=True, needs_update_reason=reason
    ):
        return False
    course = stats.course
    for author in User.objects.filter(pk__in=course_author_ids(course), is_active=True):
        notify(
            recipient=author, kind="course.needs_update",
            title=lambda: _("“%(course)s” needs an update") % {"course": course.title},
            body=lambda: _outdated_reason(stats), url=_workspace_url(),
            dedupe_key=f"course.needs_update:{course_id}:{date.today().isoformat()}",
        )
    return True


def clear_needs_update(*, course_id) -> None:
    CourseStats.objects.filter(course_id=course_id, needs_update=True).update(needs_update=False, needs_update_reason="")


def _workspace_url():
    return reverse("sme:workspace")


# --- Authors' community ----------------------------------------------------------------------------


def _check_community_member(user):
    if not is_community_member(user):
        raise ExpertError(_("The authors' community is for experts and reviewers."))


def start_thread(*, author, title, body):
    _check_community_member(author)
    try:
        thread, _post = course_services.start_thread(author=author, title=title, body=body, space=COMMUNITY_SPACE)
    except course_services.LearningError as exc:
        raise ExpertError(str(exc)) from exc
    return thread


def reply(*, thread, author, body):
    _check_community_member(author)
    if thread.space != COMMUNITY_SPACE:
        raise ExpertError(_("This discussion is not in the authors' community."))
    try:
        return course_services.post_reply(author=author, thread=thread, body=body)
    except course_services.LearningError as exc:
        raise ExpertError(str(exc)) from exc
