"""StreamField blocks for lesson bodies. Quiz questions are blocks too, so a lesson's
questions travel with its revisions and go through peer review with the prose."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from guild.core.file_kinds import CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, extension

LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "code", "blockquote"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), max_length=250, help_text=_("What the image shows, for people who can't see it.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """A video hosted inside the company (an uploaded MP4 or WebM document, or an internal URL), with
    optional WebVTT captions: nothing is fetched from outside. Uploads are checked in guild.core.documents."""

    video = DocumentChooserBlock(label=_("Video file"), required=False, help_text=_("An MP4 or WebM file."))
    url = blocks.URLBlock(label=_("…or internal video URL"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    captions = DocumentChooserBlock(label=_("Captions"), required=False,
                                    help_text=_("A WebVTT (.vtt) file with the captions."))
    captions_language = blocks.CharBlock(label=_("Captions language"), required=False, max_length=20,
                                         help_text=_("A language code, e.g. en, fr, pt-BR."))
    transcript = blocks.TextBlock(label=_("Transcript"), required=False, help_text=_("Helps people who can't play sound."))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("video") and not value.get("url"):
            errors["url"] = ValidationError(_("Choose a video file or give its URL."))
        video, captions = value.get("video"), value.get("captions")
        if video and extension(video.file.name) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM video."))
        if captions and extension(captions.file.name) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT (.vtt) captions file."))
        language = value.get("captions_language") or ""
        if language and not LANGUAGE_TAG.fullmatch(language):
            errors["captions_language"] = ValidationError(_("Give a language code such as en, fr or pt-BR."))
        if errors:
            raise blocks.StructBlockValidationError(errors)
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Warning")), ("example", _("Example"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol", "code"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=[("text", _("Plain text")), ("sql", "SQL"), ("python", "Python"), ("bash", "Shell"),
                 ("javascript", "JavaScript"), ("json", "JSON"), ("yaml", "YAML")],
        default="text",
    )
    code = blocks.TextBlock(label=_("Code"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "code"
        label = _("Code sample")
        template = "courses/blocks/code.html"


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"), required=False, max_length=500, help_text=_("Shown after the learner picks this answer.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"

    prompt = blocks.CharBlock(label=_("Question"), max_length=500)
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[(SINGLE, _("Single choice")), (MULTIPLE, _("Multiple choice"))],
        default=SINGLE,
    )
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False, help_text=_("Shown once the learner has answered."))

    class Meta:
        icon = "list-ul"
        label = _("Quiz question")
        template = "courses/blocks/question.html"

    def clean(self, value):
        value = super().clean(value)
        correct = [c for c in value["choices"] if c["correct"]]
        if not correct:
            raise blocks.StructBlockValidationError({"choices": ValidationError(_("Mark at least one answer as correct."))})
        if value["kind"] == self.SINGLE and len(correct) > 1:
            raise blocks.StructBlockValidationError(
                {"kind": ValidationError(_("A single-choice question has exactly one correct answer."))}
            )
        return value


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    code = CodeBlock()
    question = QuestionBlock()
