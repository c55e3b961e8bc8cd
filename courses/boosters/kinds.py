"""The retention booster message: the day's questions, each with one link per answer (emails)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from guild.notifications.kinds import Rendered

from ..models.boosters import BoosterPrompt
from . import services


def render_boosters(p, recipient, cache):
    prompts = list(BoosterPrompt.objects.filter(pk__in=p.get("prompts", []), answered_at__isnull=True)
                   .select_related("item__enrolment__course").order_by("id"))
    questions = services._questions(prompt.item.lesson_id for prompt in prompts)
    groups, lines = [], []
    for prompt in prompts:
        question = questions.get((prompt.item.lesson_id, prompt.item.block_id))
        if question is None:
            continue
        heading = _("From “%(course)s”: %(question)s") % {"course": prompt.item.enrolment.course.title,
                                                         "question": question["prompt"]}
        lines.append("• " + heading)
        if question["kind"] == "single":
            links = [(choice["text"], reverse("courses:booster_link", args=[services.answer_token(prompt_id=prompt.pk,
                                                                                                  choice=i)]))
                     for i, choice in enumerate(question["choices"])]
        else:  # several answers to tick: one link to the question
            links = [(_("Answer this question"),
                      reverse("courses:booster_link", args=[services.answer_token(prompt_id=prompt.pk)]))]
        groups.append((heading, links))
    n = len(groups)
    intro = ngettext("One question from a course you finished, to keep it fresh. Pick your answer:",
                     "%(n)d questions from courses you finished, to keep them fresh. Pick your answers:", n) % {"n": n}
    return Rendered(
        title=ngettext("A question to keep your learning fresh", "%(n)d questions to keep your learning fresh", n)
        % {"n": n} if n else _("Your retention boosters"),
        body="\n".join([intro, *lines]) if n else _("Today's questions are already answered."),
        url=reverse("courses:boosters"), action=_("Answer in Guild"), link_groups=groups,
    )


KINDS = [
    ("booster.questions", gettext_lazy("Retention boosters"),
     gettext_lazy("After you finish a course, now and then one or two of its quiz questions, to keep it fresh."),
     render_boosters),
]
