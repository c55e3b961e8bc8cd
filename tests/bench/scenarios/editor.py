"""Wagtail admin speed for authors (issue 19, item 7): the page editor of a 10-lesson course, opened
(GET) and saved as a draft (POST), by its author, through the test client in process.

Baseline: Wagtail's own edit view of a bare `wagtailcore.Page` (no Guild fields, panels or page
permission tester) opened and saved by a superuser, in the same run and process. Guild's part is
the ratio. The query count of the course editor is compared between a 3- and a 10-lesson course:
it must not grow with lessons."""

import itertools

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from ..measure import equal_row, median, ms, ratio_row, sample
from . import Skip

SCENARIO = "editor"
LESSONS = (3, 10)
_serial = itertools.count(1)


def metrics(size):
    return [
        f"course editor GET, 10 lessons [{size}]", f"course editor save draft, 10 lessons [{size}]",
        f"editor GET queries vs bare page [{size}]", f"save draft queries vs bare page [{size}]",
        f"editor GET queries 10 vs 3 lessons [{size}]",
    ]


def _course(catalogue, author, lessons):
    """A published course of `lessons` lessons by `author`, made once per database."""
    from courses.content import create_course, create_lesson
    from courses.models import CoursePage

    slug = f"bench-editor-{lessons}-lessons-{author.pk}"
    course = CoursePage.objects.filter(slug=slug).first()
    if course is None:
        course = create_course(catalogue=catalogue, title=f"Bench editor, {lessons} lessons", slug=slug,
                               summary="A course its author edits.", authors=[author])
        for n in range(1, lessons + 1):
            create_lesson(course=course, title=f"Lesson {n}", slug=f"lesson-{n}",
                          body=[{"type": "text", "value": f"<p>Lesson {n}: the essentials, with an example.</p>"}])
    return course


def _bare_page():
    """A plain Wagtail page beside the site's home page, made once per database."""
    from wagtail.models import Page

    page = Page.objects.filter(slug="bench-bare-page", depth=2).first()
    if page is None:
        page = Page.get_first_root_node().add_child(instance=Page(title="Bench bare page", slug="bench-bare-page"))
        page.save_revision().publish()
    return page


def _superuser():
    user, created = get_user_model().objects.get_or_create(
        email="bench-superuser@example.com", defaults={"first_name": "Bench", "last_name": "Admin", "is_superuser": True,
                                                       "is_staff": True})
    return user


def _bare_form(page):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data({"title": page.title, "slug": page.slug, "comments": inline_formset([])})


class _Counter:
    """Counts the statements the request runs on Django's connection (an execute wrapper: unlike
    CaptureQueriesContext, not emptied by the request_started signal's reset_queries)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _count(fn):
    counter = _Counter()
    with connection.execute_wrapper(counter):
        fn()
    return counter.count


def _measure(client, url, form, runs):
    """(GET seconds, POST seconds, GET queries, POST queries); POST is Wagtail's "Save draft"."""
    for response in (client.get(url), client.post(url, form())):  # warm-up, and a check that both work
        if response.status_code not in (200, 302):
            raise Skip(f"{url} answered {response.status_code}")
    got = _count(lambda: client.get(url))
    posted = _count(lambda: client.post(url, form()))
    gets = sample(lambda: client.get(url), runs=runs, warmup=0)
    posts = sample(lambda: client.post(url, form()), runs=runs, warmup=0)
    return median(gets), median(posts), got, posted


def run(ctx):
    from courses.models import CataloguePage
    from guild.people.roles import Role
    from tests.support.editor import course_edit_form

    catalogue = CataloguePage.objects.first()
    # An expert who is only an expert: an L&D admin skips the author checks Guild adds to Wagtail's.
    author = (get_user_model().objects.filter(groups__name=str(Role.EXPERT), is_active=True)
              .exclude(groups__name=str(Role.LD_ADMIN)).order_by("pk").first())
    if catalogue is None or author is None:
        raise Skip("no catalogue or no expert in the seeded data")
    runs = 2 if ctx.smoke else max(ctx.runs, 10)
    author_client, admin_client = Client(), Client()
    author_client.force_login(author)
    admin_client.force_login(_superuser())
    figures = {}
    for n in LESSONS:
        course = _course(catalogue, author, n)
        url = reverse("wagtailadmin_pages:edit", args=[course.pk])
        figures[n] = _measure(author_client, url, lambda c=course: course_edit_form(c), runs)
    bare = _bare_page()
    base = _measure(admin_client, reverse("wagtailadmin_pages:edit", args=[bare.pk]), lambda: _bare_form(bare), runs)
    get_s, post_s, get_q, post_q = figures[LESSONS[-1]]
    note = "author of the course vs a superuser on a bare wagtailcore.Page, test client in process"
    return [
        ratio_row(SCENARIO, f"course editor GET, 10 lessons [{ctx.size}]", ms(get_s), ms(base[0]), limit=3, note=note),
        ratio_row(SCENARIO, f"course editor save draft, 10 lessons [{ctx.size}]", ms(post_s), ms(base[1]), limit=3,
                  note=note),
        ratio_row(SCENARIO, f"editor GET queries vs bare page [{ctx.size}]", get_q, base[2], unit="queries", note=note),
        ratio_row(SCENARIO, f"save draft queries vs bare page [{ctx.size}]", post_q, base[3], unit="queries",
                  note=note),
        equal_row(SCENARIO, f"editor GET queries 10 vs 3 lessons [{ctx.size}]", get_q, figures[LESSONS[0]][2],
                  note="the course's page editor as its author"),
    ]
