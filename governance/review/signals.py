"""Signals other apps listen to (rewards awards points for reviews; automation may follow up).

Both are sent after the transaction commits."""

from django.dispatch import Signal

# Declared by sme, where rewards (a sibling of governance) can listen to it; sent from here.
from sme.signals import review_completed  # noqa: F401

# sender=CoursePage; course, workflow_state (the Wagtail WorkflowState that finished)
course_published = Signal()
