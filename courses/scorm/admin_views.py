"""The Wagtail admin screen where experts and L&D admins upload a SCORM package."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .errors import ScormImportError
from .forms import ImportForm
from .package import limits
from .services.importing import can_import, import_package


def upload(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package"]
        try:
            package, course = import_package(
                fileobj=upload, size=upload.size, author=request.user, course=form.cleaned_data["course"]
            )
        except ScormImportError as exc:
            form.add_error("package", str(exc))
        else:
            messages.success(request, _("“%(title)s” is imported as a draft with %(count)s lesson(s). Review it, "
                                        "then submit it for peer review.") % {"title": course.title, "count": package.items.count()})
            for warning in package.warnings:
                messages.warning(request, warning)
            return redirect(reverse("wagtailadmin_explore", args=[course.pk]))
    return TemplateResponse(request, "scorm/admin/import.html", {
        "form": form, "max_mb": round(limits()["upload_bytes"] / 1048576),
        "header_title": _("Import a SCORM package"),
    })
