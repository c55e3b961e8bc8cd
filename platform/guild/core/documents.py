"""Upload checks for Wagtail documents (WAGTAILDOCS_DOCUMENT_FORM_BASE): every document form of the
admin, the choosers and the multiple uploader. Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS);
this checks the size per kind and that videos and captions are what their names say."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .file_kinds import CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, extension


def _head(upload, size=64) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def check_video(upload):
    head = _head(upload, 12)
    kind = extension(upload.name)
    # MP4 (ISO base media): a box whose type is "ftyp" first; WebM (Matroska): the EBML magic number.
    if (kind == "mp4" and head[4:8] != b"ftyp") or (kind == "webm" and head[:4] != b"\x1a\x45\xdf\xa3"):
        raise forms.ValidationError(_("This file is not an %(kind)s video.") % {"kind": kind.upper()})


def check_captions(upload):
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(_("Captions must be a WebVTT file in UTF-8.")) from exc
    first = text.splitlines()[0] if text else ""
    # WebVTT: the file starts with "WEBVTT", alone or followed by a space or a tab and a header.
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise forms.ValidationError(_("Captions must be a WebVTT file: its first line must be “WEBVTT”."))
    if "-->" not in text:
        raise forms.ValidationError(_("This WebVTT file has no cues (no line with “-->”)."))


def max_bytes(kind: str) -> int:
    if kind in VIDEO_EXTENSIONS:
        return settings.GUILD_MAX_VIDEO_BYTES
    if kind in CAPTION_EXTENSIONS:
        return settings.GUILD_MAX_CAPTIONS_BYTES
    return settings.GUILD_MAX_UPLOAD_BYTES


class GuildDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # no new file (an edit that keeps the current one)
            return upload
        kind = extension(upload.name)
        limit = max_bytes(kind)
        if upload.size > limit:
            raise forms.ValidationError(_("This file is too big (%(size)s). The limit for this kind of file is "
                                          "%(limit)s.") % {"size": filesizeformat(upload.size),
                                                           "limit": filesizeformat(limit)})
        if kind in VIDEO_EXTENSIONS:
            check_video(upload)
        elif kind in CAPTION_EXTENSIONS:
            check_captions(upload)
        return upload
