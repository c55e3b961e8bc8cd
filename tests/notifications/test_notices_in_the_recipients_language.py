"""A notice is written in its recipient's language, not in the language of whoever's action sent it:
an English-speaking colleague's kudos reaches a French person in French, and a French person's
invitation reaches an English-speaking expert in English (issue 20, item 7)."""

import ast
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from courses import services as course_services
from courses.models import ReactionKind
from guild.notifications.models import Notification
from tests.support.courses import enrol, lessons_of, make_catalogue, make_course

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def speaking(user, language):
    user.language = language
    user.save(update_fields=["language"])
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def notices_page(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("notifications:list")).content.decode()


def test_an_english_colleagues_kudos_reaches_a_french_person_in_french(learner, expert):
    english = speaking(learner, "en")
    speaking(expert, "fr")

    response = english.post(reverse("rewards:give_kudos"), {
        "recipient": expert.email, "message": "Your course saved my week", "submission_key": str(uuid.uuid4()),
    }, follow=True)
    assert "will see your kudos" in response.content.decode()  # the sender's own page stays English

    notice = Notification.objects.get(recipient=expert, kind="rewards.kudos")
    assert notice.title == f"{learner.display_name} vous a envoyé des félicitations"
    assert notice.body == "Your course saved my week"  # the sender's words are left as they wrote them
    assert "vous a envoyé des félicitations" in notices_page(expert)


def test_an_english_authors_invitation_and_answer_reach_a_french_expert_in_french(
        expert, other_expert, django_capture_on_commit_callbacks):
    make_catalogue()
    draft = make_course("My draft", authors=[expert], publish=False)
    english = speaking(expert, "en")
    speaking(other_expert, "fr")

    with django_capture_on_commit_callbacks(execute=True):
        english.post(reverse("sme:invite_co_author", args=[draft.pk]), {"user": other_expert.pk})

    notice = Notification.objects.get(recipient=other_expert, kind="course.co_author")
    assert notice.title == f"{expert.display_name} vous a invité(e) à co-rédiger «\xa0My draft\xa0»"

    # The courses app: an English author answers a French learner's question, from an English request.
    course = make_course("Published", authors=[expert])
    enrol(other_expert, course)
    reaction, _created = course_services.react(learner=other_expert, lesson=lessons_of(course)[0],
                                               kind=ReactionKind.QUESTION, text="Et les valeurs nulles ?")
    with translation.override("en"):
        course_services.answer_question(reaction=reaction, answered_by=expert, answer="They sort last.")
    answered = Notification.objects.get(recipient=other_expert, kind="question_answered")
    assert answered.title == "Votre question a reçu une réponse"
    page = notices_page(other_expert)
    assert "vous a invité(e) à co-rédiger" in page and "Votre question a reçu une réponse" in page


def test_a_french_persons_kudos_and_invitation_reach_english_speakers_in_english(
        learner, expert, other_expert, django_capture_on_commit_callbacks):
    make_catalogue()
    french = speaking(expert, "fr")
    speaking(learner, "en")
    speaking(other_expert, "en")

    response = french.post(reverse("rewards:give_kudos"), {
        "recipient": learner.email, "message": "Merci !", "submission_key": str(uuid.uuid4()),
    }, follow=True)
    assert "verra vos félicitations" in response.content.decode()  # the sender's own page is French
    draft = make_course("Brouillon", authors=[expert], publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        french.post(reverse("sme:invite_co_author", args=[draft.pk]), {"user": other_expert.pk})

    assert Notification.objects.get(recipient=learner, kind="rewards.kudos").title == (
        f"{expert.display_name} gave you kudos")
    assert Notification.objects.get(recipient=other_expert, kind="course.co_author").title == (
        f"{expert.display_name} invited you to co-author “Brouillon”")


def test_a_notice_emailed_through_the_outbox_is_queued_in_the_recipients_language(expert, other_expert):
    """notify(email=True) copies the text into the outbox row: that copy is French too."""
    from guild.notifications.models import OutboxMessage
    from guild.notifications.services import notify

    speaking(other_expert, "fr")
    with translation.override("en"):
        notify(recipient=other_expert, kind="question_answered", email=True, dedupe_key="q:1",
               title=lambda: translation.gettext("Your question was answered"))
    assert OutboxMessage.objects.get(recipient=other_expert).payload["title"] == "Votre question a reçu une réponse"


# --- The guard: Guild's words reach notify() unrendered ---------------------------------------------

FEATURES = ("courses", "sme", "governance", "rewards")


def _rendered_too_early(node):
    """A title or body argument that is already text: a string, gettext(...), or "…" % {...}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in {"_", "gettext", "ngettext", "pgettext", "str"}
    return False


def test_feature_apps_pass_their_notice_text_for_notify_to_render():
    offenders = []
    for app in FEATURES:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", ""))
                        in {"notify", "notify_authors"}):
                    continue
                for keyword in node.keywords:
                    if keyword.arg in ("title", "body") and _rendered_too_early(keyword.value):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {keyword.arg}=")
    assert not offenders, (
        "Pass Guild's words to notify() as a function (title=lambda: _(…) % {…}) so that they are "
        "rendered in the recipient's language:\n" + "\n".join(offenders))
