"""Public media under MEDIA_URL while uploads live on local disk (docs/deployment.md, "Media").

Only the folders Wagtail writes public files to are served: original images, their renditions and
admin avatars (named with a random UUID). Documents are served by Wagtail's own view
(/documents/<id>/<name>), which applies collection privacy; every other path under MEDIA_ROOT answers
404, so no private file is readable by guessing its name. With S3 storage (GUILD_SERVE_MEDIA off) the
storage hands out signed URLs instead and this view is not mounted."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import static
from django.views.decorators.http import require_safe

PUBLIC_MEDIA_DIRS = ("original_images", "images", "avatar_images")
# A day: an image replaced in the admin gets a new file name, so stale copies are never shown for long.
CACHE_SECONDS = 60 * 60 * 24


def is_public(path: str) -> bool:
    """True when the normalised `path` lies inside a public folder (no `..` escapes, no folder itself)."""
    parts = posixpath.normpath(path).lstrip("/").split("/")
    return len(parts) >= 2 and parts[0] in PUBLIC_MEDIA_DIRS and ".." not in parts and "" not in parts


@require_safe
def serve_public(request, path):
    if not is_public(path):
        raise Http404
    # FileResponse: gunicorn sends it with sendfile(); If-Modified-Since is answered with a 304.
    response = static.serve(request, posixpath.normpath(path), document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
