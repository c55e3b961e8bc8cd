from django import template
from django.utils.html import format_html

from governance.review.selectors import checklist_for, course_of

register = template.Library()


@register.simple_tag
def review_checklist(task_state):
    """The checklist a reviewer ticks for the course in `task_state`."""
    course = course_of(task_state)
    return checklist_for(course) if course else []


@register.filter
def ticked(data):
    """The checklist boxes a refused submission had ticked (as strings), so they stay ticked."""
    return set(data.getlist("checklist")) if hasattr(data, "getlist") else set()


@register.simple_tag
def plain_review_status(obj):
    """The review status of a course in review, in plain words (status.ReviewStatus), else None."""
    from courses.models import CoursePage

    from ..status import review_status

    if not isinstance(obj, CoursePage) or not obj.pk:
        return None
    return review_status(obj)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if hasattr(mapping, "get") else []


@register.simple_tag(takes_context=True)
def plain_listing_status(context, page):
    """For a course in review in a list of pages (Wagtail's explorer, its search, ...):
    {"label": "In review, round 2", "attrs": 'title="…the full headline…"'}, else None.
    The first course of a listing reads the statuses of every row at once (cached on the table)."""
    from courses.models import CoursePage

    from ..status import listing_statuses

    if not isinstance(page, CoursePage) or not page.pk:
        return None
    table = context.get("table")
    statuses = getattr(table, "_plain_review_statuses", None)
    if statuses is None or page.pk not in statuses:
        rows = [row for row in getattr(table, "data", None) or () if getattr(row, "pk", None)]
        batch = rows if page in rows else [page]
        found = listing_statuses(batch)
        statuses = {row.pk: found.get(row.pk) for row in batch}  # None: not in review, asked once
        if batch is rows:
            table._plain_review_statuses = statuses
    status = statuses.get(page.pk)
    if status is None:
        return None
    return {"label": status.label, "attrs": format_html('title="{}"', status.headline)}
