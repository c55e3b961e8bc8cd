"""What Wagtail's page editor posts for a course, so tests go through Wagtail's own endpoints."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

__all__ = ["course_edit_form", "new_comment"]


def new_comment(text, contentpath="summary"):
    return {"contentpath": contentpath, "text": text, "position": "", "resolved": "",
            "replies": inline_formset([])}


def course_edit_form(course, comments=(), **changes):
    """The editor's form for the latest revision of `course`, with `changes` applied and
    `comments` (see new_comment) added; extra keys such as {"action-publish": "1"} go as they are."""
    page = course.get_latest_revision_as_object()
    authors = [{"id": a.pk, "user": a.user_id, "is_lead": "on" if a.is_lead else ""} for a in page.course_authors.all()]
    fields = {
        "title": page.title, "slug": page.slug, "summary": page.summary, "level": page.level,
        "estimated_minutes": page.estimated_minutes, "audience": page.audience,
        "max_quiz_attempts": page.max_quiz_attempts, "pass_mark": page.pass_mark or "",
        "certificate_validity_months": page.certificate_validity_months or "",
        "allow_self_enrolment": "on" if page.allow_self_enrolment else "",
        "allow_unenrolment": "on" if page.allow_unenrolment else "",
        "is_mandatory": "on" if page.is_mandatory else "",
        "skills": [s.pk for s in page.skills.all()],
        "course_authors": inline_formset(authors, initial=len(authors)),
        "comments": inline_formset(list(comments)),
    }
    extra = {k: v for k, v in changes.items() if k.startswith("action-")}
    fields.update({k: v for k, v in changes.items() if not k.startswith("action-")})
    data = nested_form_data(fields)
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}
