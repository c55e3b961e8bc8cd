"""Building course pages in code (demo data, imports, tests) through Wagtail's page tree API,
so each page gets a revision and, when published, a live revision like one made in the admin."""

from django.utils.text import slugify
from wagtail.models import Site

from .models.pages import (
    CataloguePage,
    CourseAuthor,
    CoursePage,
    LearningPathPage,
    LessonPage,
    PathCourse,
)


def ensure_catalogue(*, title="Courses"):
    """The one catalogue page, at /courses/ under the default site's root page, published."""
    catalogue = CataloguePage.objects.first()
    if catalogue is None:
        home = Site.objects.get(is_default_site=True).root_page
        catalogue = home.add_child(instance=CataloguePage(title=title, slug="courses", live=False))
        catalogue.save_revision().publish()
    return CataloguePage.objects.get(pk=catalogue.pk)


def _save(page, parent, *, publish, user=None):
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()  # a system publish: demo and imports act for no one person
    return type(page).objects.get(pk=page.pk)


def create_course(*, catalogue, title, slug=None, authors=(), co_authors=(), skills=(), publish=True, **fields):
    page = CoursePage(title=title, slug=slug or slugify(title), live=False, **fields)
    page.course_authors = [CourseAuthor(user=u, is_lead=True, sort_order=i) for i, u in enumerate(authors)] + [
        CourseAuthor(user=u, is_lead=False, sort_order=len(authors) + i) for i, u in enumerate(co_authors)
    ]
    page.skills = list(skills)
    return _save(page, catalogue, publish=publish, user=authors[0] if authors else None)


def create_lesson(*, course, title, body, slug=None, publish=True, user=None, **fields):
    page = LessonPage(title=title, slug=slug or slugify(title), body=body, live=False, **fields)
    return _save(page, course, publish=publish, user=user)


def create_path(*, catalogue, title, courses, slug=None, intro="", skills=(), publish=True):
    page = LearningPathPage(title=title, slug=slug or slugify(title), intro=intro, live=False)
    page.path_courses = [PathCourse(course=c, sort_order=i) for i, c in enumerate(courses)]
    page.skills = list(skills)
    return _save(page, catalogue, publish=publish)
