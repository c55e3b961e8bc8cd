from django import template

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
