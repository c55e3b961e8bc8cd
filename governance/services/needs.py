"""Learning needs: post, vote, comment, volunteer, triage, and the duplicate check."""

import re
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.models.needs import (
    LearningNeed,
    NeedComment,
    NeedStatus,
    NeedStatusChange,
    NeedVolunteer,
    NeedVote,
)
from governance.signals import need_fulfilled
from guild.core.background import enqueue_on_commit
from guild.notifications.services import notify
from guild.people.models import User
from guild.people.roles import Role

# Words that carry no meaning in a need's title; ignored when comparing titles.
FILLER = frozenset(
    "a an and the of to for in on with how about our we i need needs learn learning training course courses "
    "better more some into from at by is are be".split()
)
DUPLICATE_THRESHOLD = 0.6
NOTIFY_FOLLOWERS_TASK = "governance.notify_need_followers"


class NeedError(Exception):
    """A rule was broken; the message says what to do."""


def title_tokens(title):
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    tokens = set()
    for word in words:
        if word in FILLER:
            continue
        # A crude singular, so "dashboards" and "dashboard" match.
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        tokens.add(word)
    return tokens


def normalise_title(title):
    return " ".join(sorted(title_tokens(title)))[:200]


def similarity(a_tokens, b_tokens):
    """Jaccard similarity of two token sets, 0 to 1."""
    if not a_tokens or not b_tokens:
        return 0.0
    return len(a_tokens & b_tokens) / len(a_tokens | b_tokens)


def find_duplicate(*, title):
    """The open or answered need whose title is the same or very similar, or None."""
    tokens = title_tokens(title)
    if not tokens:
        return None
    candidates = (
        LearningNeed.objects.exclude(status=NeedStatus.DECLINED)
        .values_list("pk", "normalised_title")
    )
    best, best_score = None, 0.0
    for pk, normalised in candidates.iterator():
        score = similarity(tokens, set(normalised.split()))
        if score > best_score:
            best, best_score = pk, score
    if best is not None and best_score >= DUPLICATE_THRESHOLD:
        return LearningNeed.objects.get(pk=best)
    return None


@dataclass
class PostResult:
    need: LearningNeed
    created: bool  # False: `need` is the existing need this one duplicates


def post_need(*, author, title, why, description="", goal=None, team=None, skill=None, urgency=2):
    title = (title or "").strip()
    if not title_tokens(title):
        raise NeedError(_("Say what people need to learn, in a few words."))
    existing = find_duplicate(title=title)
    if existing is not None:
        return PostResult(need=existing, created=False)
    need = LearningNeed.objects.create(
        title=title, normalised_title=normalise_title(title), why=why, description=description,
        goal=goal, team=team if team is not None else author.team, skill=skill, urgency=urgency, author=author,
    )
    vote(need=need, voter=author)  # posting a need counts as wanting it
    need.refresh_from_db(fields=["vote_count"])
    return PostResult(need=need, created=True)


def vote(*, need, voter):
    """Upvote once; a second vote is a no-op. Returns True when the vote was new."""
    try:
        with transaction.atomic():
            NeedVote.objects.create(need=need, voter=voter)
    except IntegrityError:
        return False
    LearningNeed.objects.filter(pk=need.pk).update(vote_count=F("vote_count") + 1)
    return True


def unvote(*, need, voter):
    deleted, _ = NeedVote.objects.filter(need=need, voter=voter).delete()
    if deleted:
        LearningNeed.objects.filter(pk=need.pk, vote_count__gt=0).update(vote_count=F("vote_count") - 1)
    return bool(deleted)


def comment(*, need, author, body):
    body = (body or "").strip()
    if not body:
        raise NeedError(_("Write a comment before sending it."))
    with transaction.atomic():
        c = NeedComment.objects.create(need=need, author=author, body=body[:2000])
        LearningNeed.objects.filter(pk=need.pk).update(comment_count=F("comment_count") + 1)
    return c


def volunteer(*, need, expert, note=""):
    """An expert offers to author. Only experts; a second offer is a no-op."""
    if not expert.has_role(Role.EXPERT):
        raise NeedError(_("Only experts can volunteer to author a course."))
    if not need.is_open:
        raise NeedError(_("This need is closed; volunteer for an open one."))
    try:
        with transaction.atomic():
            NeedVolunteer.objects.create(need=need, expert=expert, note=note[:500])
    except IntegrityError:
        return False
    return True


def _require_ld_admin(user):
    if not user.has_role(Role.LD_ADMIN):
        raise NeedError(_("Only L&D admins can triage learning needs."))


@transaction.atomic
def triage(*, need, by, status, note, course=None, initiative=None):
    """Set a need's status with a note; optionally link the course that answered it and an initiative.

    When the need is done with a course linked, need_fulfilled is sent once, after commit."""
    _require_ld_admin(by)
    note = (note or "").strip()
    if status not in NeedStatus.values:
        raise NeedError(_("Choose one of the listed statuses."))
    if not note:
        raise NeedError(_("Add a note: the people who voted will read why."))
    need = LearningNeed.objects.select_for_update().get(pk=need.pk)
    if status == NeedStatus.DONE and course is None and need.course_id is None:
        raise NeedError(_("Link the course that answered the need before marking it done."))
    changed = need.status != status or need.status_note != note
    need.status = status
    need.status_note = note
    need.status_changed_at = timezone.now()
    if course is not None:
        need.course = course
    fulfil = need.status == NeedStatus.DONE and need.course_id is not None and need.fulfilled_at is None
    if fulfil:
        need.fulfilled_at = timezone.now()
    need.save()
    if changed:
        change = NeedStatusChange.objects.create(need=need, status=status, note=note, changed_by=by)
        # Sent by name: the task module imports this one. A broker outage is logged; the notices wait.
        enqueue_on_commit(NOTIFY_FOLLOWERS_TASK, change.pk)
    if initiative is not None:
        initiative.needs.add(need)
    if fulfil:
        _send_fulfilled_on_commit(need)
    return need


def _send_fulfilled_on_commit(need):
    course = need.course
    volunteers = [v.expert for v in need.volunteers.select_related("expert")]

    def send():
        need_fulfilled.send(sender=LearningNeed, need=need, course=course, volunteers=volunteers)

    transaction.on_commit(send)


def notify_followers(*, change_id, batch_size=500):
    """Tell the poster and everyone who voted what L&D decided. Idempotent (one notice per person and change);
    walks the voters by id in batches so a popular need never loads every voter at once."""
    change = NeedStatusChange.objects.select_related("need").filter(pk=change_id).first()
    if change is None:
        return 0
    need = change.need
    url = reverse("governance:need", args=[need.pk])

    def title():
        return _("“%(need)s” is now: %(status)s") % {"need": need.title[:120], "status": change.get_status_display()}

    sent, after = 0, 0
    while True:
        voter_ids = list(NeedVote.objects.filter(need=need, voter_id__gt=after).order_by("voter_id")
                         .values_list("voter_id", flat=True)[:batch_size])
        if after == 0 and need.author_id not in voter_ids:
            voter_ids.append(need.author_id)
        if not voter_ids:
            break
        for person in User.objects.filter(pk__in=voter_ids, is_active=True):
            if person.pk == change.changed_by_id:
                continue
            if notify(recipient=person, kind="need_status", title=title, body=change.note, url=url,
                      dedupe_key=f"need-status:{change.pk}"):
                sent += 1
        after = max(voter_ids)
    return sent
