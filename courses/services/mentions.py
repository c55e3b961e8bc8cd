"""@mentions in discussion posts: "@Sofia Lopez" (a person's full name, as the autocomplete writes
it) or "@Sofia" when one person of that first name can take part. The people mentioned who can
take part in the discussion are told once per post, in the app and by email (through the outbox);
the others are not told, and the poster learns who they were."""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from guild.notifications.services import notify

from ..discussion_access import can_take_part
from ..models.discussions import Mention

# "@" not inside a word or an email address, then up to four words of a name.
MENTION = re.compile(r"(?<![\w@.])@([^\W\d_][\w'’-]*(?:[ \u00a0][^\W\d_][\w'’-]*){0,3})")
MAX_MENTIONS = 20  # per post: more is a broadcast, not a mention
MENTION_KIND = "courses.mention"


def _words_after_at(body):
    return [m.group(1).split() for m in MENTION.finditer(body)][:MAX_MENTIONS]


def find_mentioned(body) -> list:
    """The active people a post's text names after an "@", longest name first. One query."""
    mentions = _words_after_at(body)
    if not mentions:
        return []
    first_words = Q()
    for words in mentions:
        first_words |= Q(first_name__iexact=words[0])
    candidates = list(get_user_model().objects.filter(first_words, is_active=True).only("id", "first_name", "last_name", "email"))
    found = {}
    for words in mentions:
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).casefold()
            if size == 1:
                # A first name alone counts only when it names one person.
                matches = [c for c in candidates if c.first_name.casefold() == name]
                matches = matches if len(matches) == 1 else []
            else:
                matches = [c for c in candidates if c.get_full_name().casefold() == name]
            if matches:
                found.update({m.pk: m for m in matches})
                break
    return list(found.values())


def notify_mentions(*, post) -> list:
    """Tell the people `post` mentions (not its author) who can take part in its thread, once per post.
    Returns the people mentioned who cannot see the discussion and were not told."""
    thread = post.thread
    mentioned = [p for p in find_mentioned(post.body) if p.pk != post.author_id]
    told, not_told = [], []
    for person in mentioned:
        (told if can_take_part(user=person, thread=thread) else not_told).append(person)
    Mention.objects.bulk_create([Mention(post=post, person=p) for p in told], ignore_conflicts=True)
    url = reverse("courses:thread", kwargs={"thread_id": thread.pk}) + f"#post-{post.pk}"
    for person in told:
        notify(
            recipient=person, kind=MENTION_KIND, email=True, url=url, body=post.body[:500],
            title=lambda: gettext("%(name)s mentioned you in “%(thread)s”") % {"name": post.author.display_name, "thread": thread.title},
            dedupe_key=f"courses.mention:{post.pk}",
        )
    return not_told
