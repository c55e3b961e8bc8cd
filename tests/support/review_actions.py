from django.urls import reverse

__all__ = ["workflow_action_url"]


def workflow_action_url(page, action, task_state):
    """Wagtail's workflow-action view (the approve / request-changes modal of the editor)."""
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
