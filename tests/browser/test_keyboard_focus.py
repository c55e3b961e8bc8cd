"""Keyboard people see where they are: the first Tab offers "Skip to content", and every control Tab
reaches on the main pages shows a focus indicator with at least 3:1 contrast against what surrounds
it (WCAG 2.2, 1.4.11 and 2.4.7), on the white cards as well as in the blue header."""

import pytest

from tests.support.browser import sign_in
from tests.support.courses import enrol, lessons_of, make_course
from tests.support.people import PASSWORD

TABS = 30  # the header, then well into each page's content

# The focused element's indicator colours and the colour behind it (the first opaque background up
# the tree), and whether it is on screen.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let node = el.parentElement, behind = 'rgb(255, 255, 255)';
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) { behind = bg; break; }
    node = node.parentElement;
  }
  const box = el.getBoundingClientRect();
  const shadow = (style.boxShadow.match(/rgba?\\([^)]*\\)/) || [null])[0];
  return {
    name: (el.getAttribute('aria-label') || el.textContent || el.name || el.tagName).trim().slice(0, 40),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), outline: style.outlineColor,
    shadow: shadow, behind: behind,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
  };
}"""


def _rgb(text):
    parts = text[text.index("(") + 1:text.index(")")].split(",")
    return [float(p) for p in parts[:3]]


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def focus_problems(page, url):
    page.goto(url)
    problems, seen = [], 0
    for _ in range(TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus is None:
            continue
        seen += 1
        colours = [focus["outline"]] if focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2 else []
        if focus["shadow"]:
            colours.append(focus["shadow"])
        best = max((contrast(c, focus["behind"]) for c in colours), default=0)
        if not focus["onScreen"] or best < 3:
            problems.append(f"{url} · {focus['name']!r}: on screen {focus['onScreen']}, best contrast {best:.2f} "
                            f"(outline {focus['outlineStyle']} {focus['outline']}, shadow {focus['shadow']}, "
                            f"behind {focus['behind']})")
    assert seen >= 5, f"{url}: Tab reached only {seen} controls"
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_control_tab_reaches_shows_a_visible_focus(page, learner):
    course = make_course("Negotiation basics", lessons=2, quiz=True)
    enrol(learner, course)
    lesson = lessons_of(course)[0]
    sign_in(page, learner.email, PASSWORD)

    # The first Tab offers the skip link, and following it puts the reader at the content.
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    problems = []
    for url in ("/", "/courses/", course.url, lesson.url, "/learning/", "/rewards/"):
        problems += focus_problems(page, url)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_l_and_d_pages_show_focus_too(page, ld_admin):
    sign_in(page, ld_admin.email, PASSWORD)
    problems = []
    for url in ("/governance/", "/governance/summary/", "/needs/"):
        problems += focus_problems(page, url)
    assert not problems, "\n".join(problems)
