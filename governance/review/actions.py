"""The Wagtail editor's workflow actions on a peer review (approve, request changes).

PeerReviewTask (a model) sends `workflow_action` at once; receivers.py hands it to the rules in
services, which build on the models and so cannot be imported by them."""

from django.dispatch import Signal

# sender=PeerReviewTask; task_state, user, action_name ("approve" or "reject"), data (the action form's data)
workflow_action = Signal()
