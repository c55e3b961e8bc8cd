"""The create and edit page shared by goals, initiatives, committees and KPIs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def form_page(request, form, *, save, success_url, heading):
    """Render `form`; on a valid POST, `save(**form.cleaned_data)` (a create or update service) and go to
    `success_url(saved object)`. A rule the service enforces (a taken name) shows as a form error."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(success_url(obj))
    return render(request, "governance/form.html", {"form": form, "heading": heading})
