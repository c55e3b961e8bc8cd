"""Retention boosters (issue 20, build 5): a completed course's quiz questions come back on a
spaced-repetition schedule, in-app and by email with one-click answers; answers move the schedule;
authors see what is forgotten; learners turn it off per course. Exactly once per question and day."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.boosters import services
from courses.models import BoosterItem, BoosterPrompt
from courses.sweeps import sweep_boosters
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Notification, OutboxMessage
from tests.support.courses import QUESTION, complete_course_for, make_course, make_lesson

pytestmark = pytest.mark.django_db

def today():
    """Read at each use: a module constant goes stale when the suite runs past midnight."""
    return timezone.localdate()

MULTI = {
    "prompt": "Which of these are aggregate functions?", "kind": "multiple", "explanation": "",
    "choices": [{"text": "SUM", "correct": True, "feedback": ""}, {"text": "COUNT", "correct": True, "feedback": ""},
                {"text": "UPPER", "correct": False, "feedback": ""}],
}


@pytest.fixture
def course(expert):
    return make_course("SQL for analysts", authors=[expert], lessons=1)


@pytest.fixture
def completed(learner, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, course)
    return course


def ask(day):
    return services.ask_due(today=day)


def only_prompt(learner):
    return BoosterPrompt.objects.select_related("item").get(learner=learner)


def test_completing_a_course_schedules_its_questions_two_days_later_and_asks_them_once_a_day(learner, completed):
    item = BoosterItem.objects.get(enrolment__learner=learner)
    assert item.due_on == today() + timedelta(days=2)
    assert ask(today() + timedelta(days=1))["asked"] == 0  # not yet due
    day = today() + timedelta(days=2)
    assert ask(day) == {"learners": 1, "asked": 1, "retired": 0}
    assert ask(day)["asked"] == 0  # the sweep run again the same day asks nothing twice
    assert BoosterPrompt.objects.filter(learner=learner, asked_on=day).count() == 1
    assert list(OutboxMessage.objects.filter(kind="booster.questions").values_list("key", flat=True)) == [
        f"booster:{learner.pk}:{day:%Y%m%d}"
    ]


def test_the_registered_sweep_is_idempotent_too(learner, completed):
    now = timezone.now() + timedelta(days=2)
    sweep_boosters(now=now, enqueue=False)
    sweep_boosters(now=now, enqueue=False)
    assert BoosterPrompt.objects.count() == 1
    assert OutboxMessage.objects.filter(kind="booster.questions").count() == 1


def test_a_right_answer_spaces_the_question_out_a_wrong_one_brings_it_back(learner, completed):
    day = today() + timedelta(days=2)
    ask(day)
    result = services.answer(prompt=only_prompt(learner), choices=["0"], today=day)  # WHERE: right
    assert result.correct and result.next_on == day + timedelta(days=7)
    item = BoosterItem.objects.get()
    assert item.step == 1
    # A second answer to the same prompt (the email link after the app) changes nothing.
    again = services.answer(prompt=only_prompt(learner), choices=["1"], today=day)
    assert again.already and again.correct
    assert BoosterItem.objects.get().step == 1

    day2 = day + timedelta(days=7)
    ask(day2)
    prompt = BoosterPrompt.objects.get(asked_on=day2)
    result = services.answer(prompt=prompt, choices=["1"], today=day2)  # HAVING: wrong
    assert not result.correct and result.next_on == day2 + timedelta(days=2)
    assert BoosterItem.objects.get().step == 0


def test_right_after_the_last_interval_retires_the_question(learner, completed):
    BoosterItem.objects.update(step=3)
    ask(today() + timedelta(days=2))
    result = services.answer(prompt=only_prompt(learner), choices=["0"])
    assert result.next_on is None
    assert BoosterItem.objects.get().due_on is None
    assert ask(today() + timedelta(days=400))["asked"] == 0


def test_an_unanswered_question_is_not_asked_again_the_next_day(learner, completed):
    day = today() + timedelta(days=2)
    ask(day)
    assert ask(day + timedelta(days=1))["asked"] == 0
    assert ask(day + timedelta(days=2))["asked"] == 1


def test_at_most_two_questions_a_day(learner, expert, django_capture_on_commit_callbacks):
    course = make_course("Reporting", authors=[expert], lessons=0)
    make_lesson(course, body=[{"type": "question", "value": QUESTION}, {"type": "question", "value": MULTI},
                              {"type": "question", "value": QUESTION}])
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, course)
    assert BoosterItem.objects.count() == 3
    assert ask(today() + timedelta(days=2))["asked"] == 2
    assert ask(today() + timedelta(days=3))["asked"] == 1  # the third, the next day


def test_a_learner_turns_boosters_off_for_a_course(client, learner, completed):
    client.force_login(learner)
    page = client.get(reverse("courses:boosters")).content.decode()
    assert "Turn off boosters for “SQL for analysts”" in page
    response = client.post(reverse("courses:booster_switch", args=[completed.pk]), follow=True)
    assert "No more retention boosters for “SQL for analysts”." in response.content.decode()
    assert ask(today() + timedelta(days=2))["asked"] == 0
    client.post(reverse("courses:booster_switch", args=[completed.pk]), {"enabled": "on"})
    assert ask(today() + timedelta(days=2))["asked"] == 1


def test_someone_else_cannot_switch_or_answer(client, learner, other_learner, completed):
    ask(today() + timedelta(days=2))
    prompt = only_prompt(learner)
    client.force_login(other_learner)
    assert client.post(reverse("courses:booster_switch", args=[completed.pk])).status_code == 404
    assert client.post(reverse("courses:booster_answer", args=[prompt.pk]), {"choice": "0"}).status_code == 404
    prompt.refresh_from_db()
    assert prompt.answered_at is None
    with pytest.raises(services.LearningError):
        services.answer(prompt=prompt, choices=["0"], learner=other_learner)


def test_answering_in_the_app_and_bad_input(client, learner, completed):
    ask(today() + timedelta(days=2))
    prompt = only_prompt(learner)
    client.force_login(learner)
    page = client.get(reverse("courses:boosters")).content.decode()
    assert QUESTION["prompt"] in page
    for bad in ([], ["7"], ["x"], ["0", "1"]):
        response = client.post(reverse("courses:booster_answer", args=[prompt.pk]), {"choice": bad}, follow=True)
        assert response.status_code == 200
        assert any(m in response.content.decode() for m in ("Pick an answer.", "not one of the choices",
                                                            "Pick one answer."))
    prompt.refresh_from_db()
    assert prompt.answered_at is None
    response = client.post(reverse("courses:booster_answer", args=[prompt.pk]), {"choice": "1"})
    html = response.content.decode()
    assert "Not quite." in html and "The right answer: WHERE" in html
    assert QUESTION["prompt"] not in client.get(reverse("courses:boosters")).content.decode()


def test_the_email_link_asks_before_answering_and_needs_no_sign_in(client, learner, completed, settings):
    ask(today() + timedelta(days=2))
    prompt = only_prompt(learner)
    url = reverse("courses:booster_link", args=[services.answer_token(prompt_id=prompt.pk, choice=0)])
    page = client.get(url)  # a mail gateway following the link answers nothing
    assert page.status_code == 200 and "Submit my answer" in page.content.decode()
    prompt.refresh_from_db()
    assert prompt.answered_at is None
    response = client.post(url, {"choice": "0"})
    assert "Right, well remembered." in response.content.decode()
    prompt.refresh_from_db()
    assert prompt.correct is True
    assert client.get(url).content.decode().count("You already answered this question.") == 1


def test_a_forged_or_expired_link_is_refused(client, learner, completed, settings):
    ask(today() + timedelta(days=2))
    prompt = only_prompt(learner)
    token = services.answer_token(prompt_id=prompt.pk, choice=0)
    assert client.post(reverse("courses:booster_link", args=[token[:-2] + "xx"]), {"choice": "0"}).status_code == 400
    settings.GUILD_BOOSTER_LINK_DAYS = -1
    assert client.get(reverse("courses:booster_link", args=[token])).status_code == 400
    prompt.refresh_from_db()
    assert prompt.answered_at is None


def test_the_email_carries_one_link_per_answer_and_the_notice_stays_relative(learner, completed, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.GUILD_BASE_URL = "https://guild.example.com"
    ask(today() + timedelta(days=2))
    deliver_outbox()
    [email] = [m for m in mail.outbox if m.extra_headers["X-Guild-Kind"] == "booster.questions"]
    assert email.subject == "A question to keep your learning fresh"
    body = email.body
    assert "From “SQL for analysts”: Which clause filters rows before grouping?" in body
    for choice in ("WHERE", "HAVING", "ORDER BY"):
        assert f"  - {choice}: https://guild.example.com/boosters/answer/" in body
    html = email.alternatives[0][0]
    assert html.count('href="https://guild.example.com/boosters/answer/') == 3
    notice = Notification.objects.get(recipient=learner, kind="booster.questions")
    assert notice.url == "/learning/boosters/"


def test_authors_see_which_questions_are_forgotten(client, expert, other_expert, learner, other_learner, completed,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(other_learner, completed)
    ask(today() + timedelta(days=2))
    for person, choice in ((learner, "0"), (other_learner, "2")):
        services.answer(prompt=only_prompt(person), choices=[choice])
    client.force_login(expert)
    html = client.get(reverse("sme:workspace")).content.decode()
    assert "Forgotten questions" in html
    row = html.split('data-testid="recall"')[1].split("</tr>")[1]
    assert QUESTION["prompt"] in row and "50%" in row
    client.force_login(other_expert)
    html = client.get(reverse("sme:workspace")).content.decode()
    assert QUESTION["prompt"] not in html
