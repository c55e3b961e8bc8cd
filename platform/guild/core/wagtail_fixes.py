"""Small corrections to Wagtail, applied once at start-up, each for a bug a person can meet.

- A chooser widget (page, image, document, snippet) re-renders a refused form by looking up the
  submitted value as an id: a value that is not an id ("abc", "1e309") raised ValueError, a 500
  instead of the form with its error. Such a value now shows as "nothing chosen"."""

from wagtail.admin.widgets.chooser import BaseChooser

_original_get_instance = BaseChooser.get_instance


def _get_instance_or_none(self, value):
    try:
        return _original_get_instance(self, value)
    except (ValueError, TypeError, OverflowError):
        return None


def apply():
    BaseChooser.get_instance = _get_instance_or_none
