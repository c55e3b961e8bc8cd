"""What the social parts of a lesson page and a discussion page show. A fixed number of queries
whatever the number of posts, votes or reactions."""

from dataclasses import dataclass, field

from ..models.discussions import PostVote
from ..models.feedback import ReactionKind
from ..services.feedback import lesson_rating_summary, reaction_counts
from ..services.votes import author_ids, can_mark_answer

# (kind, icon) of the one-click reactions, in the order the page shows them. "Outdated" is not one:
# it asks for a reason (the lesson page's own form).
REACTIONS = [
    (ReactionKind.USEFUL, "thumbs-up"),
    (ReactionKind.LEARNED, "lightbulb"),
]


@dataclass
class Reaction:
    kind: str
    icon: str
    label: str
    count: int
    mine: bool


@dataclass
class LessonSocial:
    reactions: list = field(default_factory=list)
    my_rating: int | None = None
    rating: dict = field(default_factory=dict)  # {"average": 4.2 | None, "count": n}


def lesson_social(*, lesson, user) -> LessonSocial:
    """Reaction counts with the person's own marked, their rating and the lesson's average. Two queries."""
    person = user if user.is_authenticated else None
    counts, mine = reaction_counts(lesson=lesson, user=person)
    rating = lesson_rating_summary(lesson=lesson, user=person)
    social = LessonSocial(rating=rating, my_rating=rating["mine"])
    social.reactions = [
        Reaction(kind=str(kind), icon=icon, label=kind.label, count=counts.get(kind, 0), mine=kind in mine)
        for kind, icon in REACTIONS
    ]
    return social


SORTS = ("oldest", "votes")


@dataclass
class ThreadView:
    thread: object
    posts: list = field(default_factory=list)  # the question first, then the answer if marked, then the rest
    opening_id: int | None = None
    author_ids: set = field(default_factory=set)  # the course's authors: their replies can be the answer
    can_mark: bool = False
    sort: str = "oldest"


def thread_view(*, thread, user, sort="oldest", only_post=None) -> ThreadView:
    """The thread's posts with vote counts, which the person voted for, and the marked answer.
    `sort="votes"` orders the replies by votes (the question stays first). Four queries."""
    sort = sort if sort in SORTS else "oldest"
    view = ThreadView(thread=thread, sort=sort)
    posts = list(thread.posts.select_related("author").order_by("created_at", "pk"))
    view.opening_id = posts[0].pk if posts else None
    voted = set(PostVote.objects.filter(voter=user, post__thread=thread).values_list("post_id", flat=True))
    view.author_ids = author_ids(thread)
    view.can_mark = can_mark_answer(user=user, thread=thread, authors=view.author_ids)
    for post in posts:
        post.voted = post.pk in voted
        post.is_question = post.pk == view.opening_id
        post.is_answer = post.pk == thread.answer_id
        post.by_author = post.author_id in view.author_ids
        post.can_vote = post.author_id != user.pk
    if only_post is not None:
        view.posts = [p for p in posts if p.pk == only_post]
        return view
    question, replies = posts[:1], posts[1:]
    if sort == "votes":
        replies.sort(key=lambda p: (-p.vote_count, p.created_at, p.pk))
    answer = [p for p in replies if p.is_answer]
    view.posts = question + answer + [p for p in replies if not p.is_answer]
    return view
