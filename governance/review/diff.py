"""What a revision of a live course changes, lesson by lesson, against the version learners have:
the one published when the course was last approved (each lesson's live revision: lessons are
published with their course when its review workflow is approved, `receivers.py`).

Blocks are matched by their StreamField id, so a block keeps its identity when edited or moved:
added, removed and changed blocks are told apart, and a changed block shows a word diff of its
text (the text Wagtail indexes for search: no markup, quiz options and feedback included)."""

import difflib
import re
from dataclasses import dataclass, field

from wagtail.models import WorkflowState

from courses.models import LessonPage

WORDS = re.compile(r"\S+|\s+")


@dataclass
class BlockChange:
    kind: str  # "added", "removed" or "changed"
    number: int  # its position in the new lesson (or, removed, in the old one)
    block_type: str
    words: list = field(default_factory=list)  # [(op, text)], op: "equal", "insert" or "delete"


@dataclass
class LessonChange:
    lesson: object
    kind: str  # "added", "changed" or "unchanged"
    title: list = field(default_factory=list)
    summary: list = field(default_factory=list)
    blocks: list = field(default_factory=list)

    def count(self, kind):
        return sum(b.kind == kind for b in self.blocks)

    @property
    def added(self):
        return self.count("added")

    @property
    def removed(self):
        return self.count("removed")

    @property
    def changed(self):
        return self.count("changed")


def _text(block) -> str:
    return " ".join(str(t) for t in block.block.get_searchable_content(block.value) if t).strip()


def word_diff(old: str, new: str) -> list:
    """[(op, text)] turning `old` into `new`, word by word."""
    a, b = WORDS.findall(old or ""), WORDS.findall(new or "")
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("equal",):
            ops.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", "".join(b[j1:j2])))
    return ops


def _changed_words(old, new):
    return word_diff(old, new) if old != new else []


def compare_lesson(old, new) -> LessonChange:
    """`old` and `new`: the same lesson as published and as under review (LessonPage objects)."""
    old_blocks = {b.id: (n, b) for n, b in enumerate(old.body, start=1)}
    new_ids = set()
    blocks = []
    for number, block in enumerate(new.body, start=1):
        new_ids.add(block.id)
        if block.id not in old_blocks:
            blocks.append(BlockChange("added", number, block.block_type, [("insert", _text(block))]))
            continue
        _n, before = old_blocks[block.id]
        if before.block.get_prep_value(before.value) != block.block.get_prep_value(block.value):
            blocks.append(BlockChange("changed", number, block.block_type, word_diff(_text(before), _text(block))))
    for block_id, (number, before) in old_blocks.items():
        if block_id not in new_ids:
            blocks.append(BlockChange("removed", number, before.block_type, [("delete", _text(before))]))
    title, summary = _changed_words(old.title, new.title), _changed_words(old.summary, new.summary)
    kind = "changed" if (blocks or title or summary) else "unchanged"
    return LessonChange(lesson=new, kind=kind, title=title, summary=summary, blocks=blocks)


def was_approved(course) -> bool:
    return WorkflowState.objects.filter(object_id=str(course.pk), status=WorkflowState.STATUS_APPROVED).exists()


def course_changes(course) -> list[LessonChange] | None:
    """Each lesson of `course` as under review, against its last approved version; None when the
    course was never approved and published (there is nothing to compare with)."""
    if not (course.first_published_at and was_approved(course)):
        return None
    changes = []
    for lesson in LessonPage.objects.child_of(course).order_by("path").select_related("live_revision"):
        new = lesson.get_latest_revision_as_object()
        if lesson.live_revision is None:
            changes.append(LessonChange(lesson=new, kind="added", blocks=[
                BlockChange("added", n, b.block_type, [("insert", _text(b))]) for n, b in enumerate(new.body, start=1)
            ]))
        else:
            changes.append(compare_lesson(lesson.live_revision.as_object(), new))
    return changes
