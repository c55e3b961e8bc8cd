"""File kinds by extension, shared by upload checks (guild.core.documents) and content blocks;
importable before the models are loaded."""

import os

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")
