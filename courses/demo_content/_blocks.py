"""Small builders for the StreamField JSON that courses.demo loads, so the content modules read as prose."""


def text(*html):
    return {"type": "text", "value": "".join(html)}


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def callout(kind, *html):
    return {"type": "callout", "value": {"kind": kind, "text": "".join(html)}}


def code(language, source, caption=""):
    return {"type": "code", "value": {"language": language, "code": source.strip("\n"), "caption": caption}}


def question(prompt, choices, explanation, kind=None):
    """choices: (text, correct, feedback) tuples. kind defaults to "multiple" when more than one answer is right."""
    if kind is None:
        kind = "multiple" if sum(1 for _, correct, _ in choices if correct) > 1 else "single"
    return {
        "type": "question",
        "value": {
            "prompt": prompt,
            "kind": kind,
            "choices": [{"text": t, "correct": c, "feedback": f} for t, c, f in choices],
            "explanation": explanation,
        },
    }


def lesson(slug, title, summary, minutes, *body):
    return {"slug": slug, "title": title, "summary": summary, "minutes": minutes, "body": list(body)}


def course(*, lessons, **fields):
    """A course dict; estimated_minutes is the sum of its lessons unless given."""
    data = {
        "co_authors": [],
        "certificate_validity_months": None,
        "pass_mark": None,
        "is_mandatory": False,
        **fields,
        "lessons": lessons,
    }
    data.setdefault("estimated_minutes", sum(item["minutes"] for item in lessons))
    return data
