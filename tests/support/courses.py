"""Factories for course content and learning records, built through Wagtail's page tree API
and the courses services, so tests exercise the same paths as the product.

    catalogue = make_catalogue()
    course = make_course("SQL for analysts", authors=[expert], skills=["SQL"], lessons=3)
    enrolment = enrol(learner, course)
"""

import itertools

from django.utils.text import slugify

__all__ = [
    "make_catalogue",
    "make_course",
    "make_lesson",
    "make_path",
    "make_skill",
    "enrol",
    "lessons_of",
    "quiz_lesson",
    "right_answers",
    "wrong_answers",
    "complete_course_for",
    "QUESTION",
]

_counter = itertools.count(1)

QUESTION = {
    "prompt": "Which clause filters rows before grouping?",
    "kind": "single",
    "choices": [
        {"text": "WHERE", "correct": True, "feedback": "Right: WHERE runs before GROUP BY."},
        {"text": "HAVING", "correct": False, "feedback": "HAVING filters groups, after GROUP BY."},
        {"text": "ORDER BY", "correct": False, "feedback": "ORDER BY only sorts."},
    ],
    "explanation": "WHERE filters rows; HAVING filters the groups that GROUP BY makes.",
}


def make_catalogue():
    """The one CataloguePage (slug "courses") under the default site's root page, published."""
    from courses.content import ensure_catalogue

    return ensure_catalogue()


def make_skill(name):
    from guild.skills.models import Skill, SkillCategory

    category, _ = SkillCategory.objects.get_or_create(slug="general", defaults={"name": "General"})
    skill, _ = Skill.objects.get_or_create(name=name, defaults={"slug": slugify(name), "category": category})
    return skill


def make_course(title="Working with data", *, authors=(), co_authors=(), skills=(), lessons=3, quiz=True,
                publish=True, **fields):
    """A course under the catalogue with `lessons` lessons (text; the last one carries a single-choice
    question when quiz=True). publish=False leaves course and lessons as drafts."""
    from courses.content import create_course

    fields.setdefault("slug", f"{slugify(title)}-{next(_counter)}")
    fields.setdefault("summary", f"A short course: {title}.")
    course = create_course(
        catalogue=make_catalogue(), title=title, authors=list(authors), co_authors=list(co_authors),
        skills=[s if hasattr(s, "pk") else make_skill(s) for s in skills], publish=publish, **fields,
    )
    for n in range(1, lessons + 1):
        body = [{"type": "text", "value": f"<p>Lesson {n} of {title}: the essentials, with an example.</p>"}]
        if quiz and n == lessons:
            body.append({"type": "question", "value": QUESTION})
        make_lesson(course, title=f"Lesson {n}", body=body, publish=publish)
    return course


def make_lesson(course, title=None, body=None, publish=True, **fields):
    from courses.content import create_lesson

    title = title or f"Lesson {next(_counter)}"
    fields.setdefault("slug", f"{slugify(title)}-{next(_counter)}")
    if body is None:
        body = [{"type": "text", "value": f"<p>{title}: what to know.</p>"}]
    return create_lesson(course=course, title=title, body=body, publish=publish, **fields)


def make_path(title="Analyst path", *, courses=(), skills=(), publish=True):
    from courses.content import create_path

    return create_path(
        catalogue=make_catalogue(), title=title, slug=f"{slugify(title)}-{next(_counter)}", courses=list(courses),
        intro="<p>Courses to take, in order.</p>", skills=[s if hasattr(s, "pk") else make_skill(s) for s in skills],
        publish=publish,
    )


def enrol(learner, course, **kw):
    """Enrol through the service; returns the enrolment."""
    from courses import services

    return services.enrol(learner=learner, course=course, **kw)[0]


def lessons_of(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(course).order_by("path"))


def quiz_lesson(course):
    return next(lesson for lesson in lessons_of(course) if lesson.questions())


def right_answers(lesson):
    """{question block id: [index of each correct choice]} as the quiz form posts them."""
    return {
        block_id: [str(i) for i, c in enumerate(q["choices"]) if c["correct"]] for block_id, q in lesson.questions()
    }


def wrong_answers(lesson):
    return {
        block_id: [str(next(i for i, c in enumerate(q["choices"]) if not c["correct"]))]
        for block_id, q in lesson.questions()
    }


def complete_course_for(learner, course):
    """Take every lesson (passing quizzes) through the services. Returns the certificate."""
    from courses import services
    from courses.models import Enrolment

    enrol(learner, course)
    for lesson in lessons_of(course):
        if lesson.questions():
            services.submit_quiz(learner=learner, lesson=lesson, answers=right_answers(lesson))
        else:
            services.complete_lesson(learner=learner, lesson=lesson)
    return Enrolment.objects.get(learner=learner, course=course).certificates.first()
