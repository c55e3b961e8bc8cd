"""The package files, the launch of a SCORM lesson, and the run-time commits (JSON)."""

import json
import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from courses.services.enrolment import course_of
from guild.core.safe_input import local_url

from .access import can_open_package, can_preview, may_open_preview
from .errors import ScormRuntimeError
from .models import ScormLessonPage, ScormPackage, ScormRuntime
from .package import safe_member_path
from .services import runtime as runtime_services
from .services.importing import scorm_storage


def content_csp(base):
    """The policy of a package's own pages: its scripts (inline too, as SCOs are written) may run,
    but loads, requests and form posts stay inside the package's folder, and only Guild frames it."""
    return (
        f"default-src {base}; script-src {base} 'unsafe-inline' 'unsafe-eval'; style-src {base} 'unsafe-inline'; "
        f"img-src {base} data: blob:; media-src {base} blob:; font-src {base} data:; connect-src {base}; "
        f"form-action {base}; frame-src {base}; worker-src 'none'; object-src 'none'; base-uri {base}; "
        "frame-ancestors 'self'"
    )


@require_GET
@xframe_options_sameorigin
def content(request, package_id, path):
    package = get_object_or_404(ScormPackage, pk=package_id)
    if not can_open_package(request.user, package):
        raise Http404
    member = safe_member_path(path)
    if member is None:
        raise Http404
    storage = scorm_storage()
    name = posixpath.join(package.storage_folder, member)
    try:
        if not storage.exists(name):
            raise Http404
        handle = storage.open(name, "rb")
    except (SuspiciousFileOperation, OSError):  # outside the storage, or a folder
        raise Http404 from None
    content_type = mimetypes.guess_type(member)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    base = request.build_absolute_uri(reverse("scorm:content", args=[package.pk, "x"]))[:-1]
    response["Content-Security-Policy"] = content_csp(base)
    response["Cache-Control"] = "private, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _json_error(exc):
    return JsonResponse({"result": "false", "error": str(exc)}, status=exc.status)


def content_url(item):
    """The item's launch URL under the content path, its parameters kept as a query string."""
    cut = min((i for i in (item.launch.find("?"), item.launch.find("#")) if i >= 0), default=len(item.launch))
    return reverse("scorm:content", args=[item.package_id, item.launch[:cut]]) + item.launch[cut:]


@require_POST
@never_cache
def launch(request, lesson_id):
    """Start a session: the SCO's starting values and where to commit. For someone who may only
    preview the lesson (author, reviewer), nothing is stored: no commit URL."""
    if not request.user.is_authenticated:
        return JsonResponse({"result": "false", "error": "signed out"}, status=401)
    lesson = get_object_or_404(ScormLessonPage.objects.select_related("item__package"), pk=lesson_id)
    item = lesson.item
    course = course_of(lesson=lesson)
    runtime = None
    # The preview page asks for a preview: an author or reviewer also enrolled keeps no record of it.
    if not (request.GET.get("preview") == "1" and can_preview(request.user, course)):
        try:
            runtime = runtime_services.launch(learner=request.user, lesson=lesson)
        except ScormRuntimeError as exc:
            if not can_preview(request.user, course):
                return _json_error(exc)
    if runtime is None:
        cmi = runtime_services.initial_cmi(runtime=ScormRuntime(), learner=request.user, item=item)
        commit_url = launch_id = None
    else:
        cmi = runtime_services.initial_cmi(runtime=runtime, learner=request.user, item=item)
        commit_url, launch_id = reverse("scorm:commit", args=[runtime.pk]), str(runtime.launch_id)
    return JsonResponse({
        "version": "2004" if item.package.is_2004 else "1.2",
        "content_url": content_url(item),
        "commit_url": commit_url, "launch": launch_id, "cmi": cmi,
    })


@require_GET
@login_required
def preview(request, lesson_id):
    """The lesson as learners will run it, for its authors, L&D admins and the assigned reviewers of a
    course in review (draft or not live); the player runs in preview mode, so nothing is stored."""
    lesson = get_object_or_404(ScormLessonPage, pk=lesson_id)
    course = course_of(lesson=lesson)
    if not may_open_preview(request.user, course):
        raise Http404
    return render(request, "scorm/preview.html", {
        "page": lesson.get_latest_revision_as_object(), "course_title": course.draft_title or course.title,
        "back": local_url(request, request.GET.get("next", "")),
    })


@require_POST
@never_cache
def commit(request, runtime_id):
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"result": "false", "error": "not JSON"}, status=400)
    if not isinstance(body, dict):
        return JsonResponse({"result": "false", "error": "not a JSON object"}, status=400)
    try:
        _runtime, applied = runtime_services.commit(
            learner=request.user, runtime_id=runtime_id, launch_id=body.get("launch"),
            sequence=body.get("sequence"), cmi=body.get("cmi"),
        )
    except ScormRuntimeError as exc:
        return _json_error(exc)
    except PermissionDenied:
        return JsonResponse({"result": "false"}, status=403)
    return JsonResponse({"result": "true", "errorCode": 0, "applied": applied})
