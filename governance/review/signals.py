"""Signals other apps listen to (rewards awards points for reviews). Both are sent after the
transaction commits."""

from django.dispatch import Signal

# sender=ReviewAssignment; assignment, reviewer, course (CoursePage), decision (ReviewDecision value)
review_completed = Signal()

# sender=CoursePage; course, workflow_state (the Wagtail WorkflowState that finished)
course_published = Signal()
