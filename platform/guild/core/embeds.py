"""Air-gapped embeds: only video files served by the company itself, never an oEmbed call out."""

from django.utils.html import format_html
from wagtail.embeds.finders.base import EmbedFinder

VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogv", ".m4v")


class LocalVideoFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return url.lower().split("?", 1)[0].endswith(VIDEO_EXTENSIONS)

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "",
            "author_name": "",
            "provider_name": "",
            "type": "video",
            "thumbnail_url": None,
            "width": None,
            "height": None,
            "html": format_html('<video controls preload="metadata" src="{}"></video>', url),
        }
