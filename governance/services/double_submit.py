"""Creating governance objects once. A create repeated by a double click or a resent POST returns the
row the first one made, instead of a second row or a "name taken" error."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

# Objects without a unique name are repeats only if made this recently with the same values.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)


def recent(queryset):
    """The candidates for a repeat among objects without a unique name: the latest, made in the window."""
    return queryset.filter(created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW).order_by("-id")[:5]


def create_once(*, by, model, fields, related=None, candidates, unique_name=None):
    """Create `model` with `fields` and the many-to-many `related` ({name: objects}), unless one of
    `candidates()` has exactly these values: then return it. A taken `unique_name` with other values
    raises ValidationError, as a form would.

    Locks the admin's user row for the transaction, so that the second request of a double click waits
    for the first to commit and then finds its row."""
    related = related or {}
    with transaction.atomic():
        get_user_model().objects.select_for_update().only("pk").get(pk=by.pk)
        repeated = _repeat(candidates(), fields, related)
        if repeated is not None:
            return repeated
        obj = model(**fields)
        obj.validate_unique()
        try:
            with transaction.atomic():
                obj.save()
                _set_related(obj, related)
        except IntegrityError:
            # Another admin saved the same unique name a moment ago.
            if unique_name is None:
                raise
            repeated = _repeat(candidates(), fields, related)
            if repeated is None:
                raise ValidationError({unique_name: _("Someone saved this name a moment ago: choose another one.")}) from None
            return repeated
        return obj


def update(obj, *, fields, related=None):
    """Save new values on an existing object; a name taken by another row raises ValidationError."""
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.validate_unique()
    with transaction.atomic():
        obj.save()
        _set_related(obj, related or {})
    return obj


def _set_related(obj, related):
    for name, objects in related.items():
        getattr(obj, name).set(objects)


def _repeat(candidates, fields, related):
    for candidate in candidates:
        if all(_same(candidate, name, value) for name, value in fields.items()) and all(
            set(getattr(candidate, name).values_list("pk", flat=True)) == {o.pk for o in objects}
            for name, objects in related.items()
        ):
            return candidate
    return None


def _same(candidate, name, value):
    field = candidate._meta.get_field(name)
    if field.is_relation:
        return getattr(candidate, field.attname) == (value.pk if value is not None else None)
    return getattr(candidate, name) == value
