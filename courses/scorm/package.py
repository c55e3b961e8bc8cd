"""Opening a package zip safely: limits, no path out of the package (zip-slip), the manifest found.

Nothing here touches the database or storage; `read_package` answers what is in the zip, or a
ScormImportError that names the problem."""

import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ScormImportError
from .manifest import MANIFEST_NAME, Manifest, parse_manifest


@dataclass
class Package:
    archive: zipfile.ZipFile
    root: str  # "" or "folder/" when the zip wraps the package in one folder
    names: dict  # path inside the package -> ZipInfo
    manifest: Manifest
    total_bytes: int
    warnings: list
    missing: list  # files the manifest lists that the zip lacks (launch files are never among them)


def limits():
    return {
        "upload_bytes": settings.GUILD_SCORM_MAX_UPLOAD_BYTES,
        "unpacked_bytes": settings.GUILD_SCORM_MAX_UNPACKED_BYTES,
        "files": settings.GUILD_SCORM_MAX_FILES,
    }


def safe_member_path(name):
    """The member's path, normalised, or None when it could land outside the package."""
    name = name.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = name.split("/")
    if any(part == ".." for part in parts):
        return None
    normal = posixpath.normpath(name)
    return None if normal.startswith("..") or normal == "." else normal


def _is_symlink(info):
    return stat.S_ISLNK(info.external_attr >> 16)


def read_package(fileobj, *, size=None) -> Package:
    lim = limits()
    if size is not None and size > lim["upload_bytes"]:
        raise ScormImportError(
            _("The package is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(size / 1048576, 1), "limit": round(lim["upload_bytes"] / 1048576, 1)}
        )
    try:
        archive = zipfile.ZipFile(fileobj)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise ScormImportError(_("The file is not a readable zip archive (it may be damaged or incomplete).")) from None
    files = [i for i in infos if not i.is_dir()]
    if len(files) > lim["files"]:
        raise ScormImportError(
            _("The package holds %(count)s files; the limit is %(limit)s.") % {"count": len(files), "limit": lim["files"]}
        )
    total = sum(i.file_size for i in files)
    if total > lim["unpacked_bytes"]:
        raise ScormImportError(
            _("Unpacked, the package would take %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(total / 1048576, 1), "limit": round(lim["unpacked_bytes"] / 1048576, 1)}
        )
    names = {}
    for info in files:
        path = safe_member_path(info.filename)
        if path is None or _is_symlink(info):
            raise ScormImportError(
                _("The package refers to “%(name)s”, a path outside the package: Guild refuses it for safety.")
                % {"name": info.filename[:200]}
            )
        names[path] = info
    root = _package_root(names)
    manifest = parse_manifest(_read(archive, names[root + MANIFEST_NAME]))
    inside = {path[len(root):]: info for path, info in names.items() if path.startswith(root)}
    missing = _check_files(manifest, inside)
    warnings = []
    if missing:
        shown = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
        warnings.append(_("%(count)s file(s) the manifest lists are missing from the zip: %(files)s")
                        % {"count": len(missing), "files": shown})
    return Package(archive=archive, root=root, names=inside, manifest=manifest, total_bytes=total,
                   warnings=warnings, missing=missing)


def _package_root(names):
    if MANIFEST_NAME in names:
        return ""
    nested = [p for p in names if p.endswith("/" + MANIFEST_NAME)]
    # A zip made by compressing the package's folder: the manifest sits one folder down.
    if len(nested) == 1 and nested[0].count("/") == 1:
        return nested[0][: -len(MANIFEST_NAME)]
    raise ScormImportError(
        _("The zip has no imsmanifest.xml at its top level: it is not a SCORM package (or it was zipped "
          "one folder too high).")
    )


def _read(archive, info):
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise ScormImportError(
            _("“%(name)s” cannot be read from the zip (damaged or unsupported compression).") % {"name": info.filename[:200]}
        ) from None


def _package_path(href):
    """A manifest href as a path inside the package, or None for a URL or a path out of it."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return safe_member_path(unquote(parts.path))


def _check_files(manifest, inside):
    """Launch files must exist (refused otherwise); other listed files missing are warnings."""
    for item in manifest.items:
        path = _package_path(item.href)
        if path is None:
            raise ScormImportError(
                _("Item “%(item)s” launches “%(href)s”, which is outside the package.") % {"item": item.title, "href": item.href}
            )
        if path not in inside:
            raise ScormImportError(
                _("Item “%(item)s” launches “%(href)s”, which is missing from the zip.") % {"item": item.title, "href": item.href}
            )
    return sorted(f for f in manifest.files if _package_path(f) not in inside)


def member_bytes(package, path):
    """The bytes of one file, reading at most its declared size (a zip bomb cannot overrun)."""
    info = package.names[path]
    return _read(package.archive, info)
