"""The demo course content is plain data: these checks keep it loadable into lesson pages and worth reading."""

import re
from html.parser import HTMLParser

import pytest

from courses.demo_content import COHORTS, COURSES, PATHS, TEMPLATES

SKILLS = {
    "SQL", "Data visualisation", "Statistics", "Python for analysis", "Data privacy", "Code review", "Testing",
    "Cloud infrastructure", "Incident response", "API design", "Security awareness", "Phishing defence",
    "Access management", "Secure coding", "Risk assessment", "Running 1:1s", "Giving feedback", "Coaching",
    "Hiring interviews", "Delegation", "Customer discovery", "Negotiation", "Product demos", "Handling objections",
    "Account planning", "Writing clearly", "Facilitation", "Presenting", "Project planning", "Onboarding essentials",
}
EMAILS = {
    f"{name}@example.com" for name in (
        "learner", "manager", "expert", "reviewer", "admin", "exec", "amara.adeyemi", "grace.ito", "maya.quinn",
        "sami.yilmaz", "zoe.gomez", "femi.garcia", "camille.tanaka", "jonas.diallo",
    )
}
ALLOWED_TAGS = {"h2", "h3", "p", "b", "i", "ul", "ol", "li", "code", "blockquote"}
CALLOUT_KINDS = {"tip", "note", "warning", "example"}
LANGUAGES = {"text", "sql", "python", "bash", "javascript", "json", "yaml"}
LESSONS = [(c["slug"], lesson) for c in COURSES for lesson in c["lessons"]]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.words, self.open = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.open.append(tag)
        assert not attrs, f"attributes are not kept by the rich text editor: <{tag} {attrs}>"

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"unbalanced </{tag}>"
        self.open.pop()

    def handle_data(self, data):
        self.words.extend(data.split())


def parse(html):
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert not parser.open, f"unclosed tags {parser.open}"
    return parser


def prose_words(lesson):
    count = 0
    for block in lesson["body"]:
        if block["type"] == "text":
            count += len(parse(block["value"]).words)
        elif block["type"] == "callout":
            count += len(parse(block["value"]["text"]).words)
        elif block["type"] == "code":
            count += len(block["value"]["code"].split()) + len(block["value"]["caption"].split())
    return count


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def test_slugs_are_unique_and_url_safe():
    slugs = [c["slug"] for c in COURSES]
    assert len(slugs) == len(set(slugs))
    for group in (PATHS, COHORTS, TEMPLATES):
        assert len({g["slug"] for g in group}) == len(group)
    for course in COURSES:
        lesson_slugs = [lesson["slug"] for lesson in course["lessons"]]
        assert len(lesson_slugs) == len(set(lesson_slugs)), course["slug"]
    for slug in slugs + [lesson["slug"] for _, lesson in LESSONS]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug


def test_every_course_has_the_fields_the_loader_reads():
    for course in COURSES:
        assert set(course) == {
            "slug", "title", "summary", "level", "estimated_minutes", "skills", "authors", "co_authors",
            "audience", "certificate_validity_months", "pass_mark", "is_mandatory", "lessons",
        }, course["slug"]
        assert course["level"] in {"beginner", "intermediate", "advanced"}
        assert 0 < len(course["summary"]) <= 500
        assert 3 <= len(course["lessons"]) <= 6, course["slug"]
        assert course["estimated_minutes"] == sum(lesson["minutes"] for lesson in course["lessons"])
        assert course["certificate_validity_months"] is None or course["certificate_validity_months"] > 0
        assert course["pass_mark"] is None or 0 < course["pass_mark"] <= 100
        assert isinstance(course["is_mandatory"], bool)
        for lesson in course["lessons"]:
            assert set(lesson) == {"slug", "title", "summary", "minutes", "body"}
            assert 0 < len(lesson["summary"]) <= 300, lesson["slug"]
            assert 3 <= lesson["minutes"] <= 30, lesson["slug"]


def test_skills_are_ones_the_demo_organisation_has():
    for item in COURSES + PATHS:
        assert item["skills"] and set(item["skills"]) <= SKILLS, item["slug"]


def test_people_are_demo_sign_ins():
    for course in COURSES:
        assert course["authors"], course["slug"]
        assert set(course["authors"] + course["co_authors"]) <= EMAILS, course["slug"]
        assert not set(course["authors"]) & set(course["co_authors"])
    for cohort in COHORTS:
        assert set(cohort["members"]) <= EMAILS and cohort["facilitator"] in EMAILS
        assert cohort["facilitator"] not in cohort["members"]


def test_paths_and_cohorts_point_at_courses_that_exist():
    slugs = {c["slug"] for c in COURSES}
    for path in PATHS:
        assert len(path["courses"]) >= 2 and set(path["courses"]) <= slugs, path["slug"]
        assert len(path["courses"]) == len(set(path["courses"]))
        parse(path["intro"])
    for cohort in COHORTS:
        assert cohort["course"] in slugs and cohort["length_days"] > 0


@pytest.mark.parametrize("course_slug,lesson", LESSONS, ids=[f"{c}/{lesson['slug']}" for c, lesson in LESSONS])
def test_each_lesson_is_a_real_read_in_valid_blocks(course_slug, lesson):
    for block in lesson["body"]:
        kind, value = block["type"], block["value"]
        if kind == "text":
            assert parse(value).tags <= ALLOWED_TAGS
        elif kind == "callout":
            assert value["kind"] in CALLOUT_KINDS
            assert parse(value["text"]).tags <= ALLOWED_TAGS - {"h2", "h3", "blockquote"}
        elif kind == "code":
            assert value["language"] in LANGUAGES and value["code"].strip() and len(value["caption"]) <= 250
        else:
            assert kind == "question"
    assert 250 <= prose_words(lesson) <= 600, prose_words(lesson)


def test_questions_have_a_right_answer_and_feedback_that_teaches():
    for _, lesson in LESSONS:
        for block in lesson["body"]:
            if block["type"] != "question":
                continue
            q = block["value"]
            correct = [c for c in q["choices"] if c["correct"]]
            assert 2 <= len(q["choices"]) <= 5 and correct, q["prompt"]
            assert q["kind"] in {"single", "multiple"}
            if q["kind"] == "single":
                assert len(correct) == 1, q["prompt"]
            assert 0 < len(q["prompt"]) <= 500 and q["explanation"].strip()
            for choice in q["choices"]:
                assert 0 < len(choice["text"]) <= 300
                assert 20 <= len(choice["feedback"]) <= 500, choice["text"]


def test_every_course_has_a_lesson_with_a_short_quiz():
    for course in COURSES:
        counts = [sum(b["type"] == "question" for b in lesson["body"]) for lesson in course["lessons"]]
        assert any(2 <= n <= 4 for n in counts), course["slug"]


def test_mandatory_and_certified_courses_are_set_up_as_asked():
    by_slug = {c["slug"]: c for c in COURSES}
    security = by_slug["security-awareness"]
    assert (security["is_mandatory"], security["certificate_validity_months"], security["pass_mark"]) == (True, 12, 80)
    assert by_slug["onboarding-essentials"]["is_mandatory"]
    assert by_slug["onboarding-essentials"]["certificate_validity_months"] is None
    assert by_slug["data-privacy-in-practice"]["certificate_validity_months"] == 24


def test_templates_guide_authors_and_carry_a_review_checklist():
    names = {t["name"] for t in TEMPLATES}
    assert {"Skill course", "Compliance course", "Onboarding course"} <= names
    for template in TEMPLATES:
        assert template["description"] and template["lessons"]
        for item in template["lessons"]:
            assert item["title"] and parse(item["guidance"]).words
        assert 4 <= len(template["checklist"]) <= 7
    compliance = next(t for t in TEMPLATES if t["name"] == "Compliance course")
    assert any("legal" in item.lower() for item in compliance["checklist"])


def test_nothing_links_out_to_the_internet():
    for data in (COURSES, PATHS, COHORTS, TEMPLATES):
        for value in all_strings(data):
            assert not re.search(r"https?://|www\.", value), value[:80]
