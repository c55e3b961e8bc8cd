"""Signals other apps listen to. Sent after the transaction commits.

need_fulfilled(sender, need, course, volunteers): a learning need was marked done with the course
that answered it linked. `volunteers` are the experts who offered to author it. Sent once per need."""

from django.dispatch import Signal

need_fulfilled = Signal()
