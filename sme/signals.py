"""Events of the experts' work that other apps follow (rewards pays points for them)."""

from django.dispatch import Signal

# Sent by the peer review (governance.review) after the transaction commits.
# sender=ReviewAssignment; assignment, reviewer, course (CoursePage), decision (ReviewDecision value)
review_completed = Signal()
