"""axe-core (bundled in axe-playwright-python, nothing fetched) on the page a browser tab shows: the
serious and critical violations, one line per element. Used by the main pages' audit
(tests/pages/test_main_pages.py) and by browser tests that reach states those pages do not show."""

from urllib.parse import urlsplit

__all__ = ["serious_problems", "serious_problems_as_seen_by", "WAGTAIL_OWN"]

BLOCKING = {"serious", "critical"}

# Violations inside Wagtail's own admin markup, which Guild cannot fix without copying Wagtail's
# templates: (rule id, a CSS selector fragment of the failing element, the upstream issue). None today:
# Wagtail's admin home and page editor pass; add a row only with the upstream issue named.
WAGTAIL_OWN: list[tuple[str, str, str]] = []

_axe = None


def _excluded(rule, target):
    return any(rule == r and fragment in target for r, fragment, _why in WAGTAIL_OWN)


def serious_problems(tab):
    """'rule (impact): element — help' for each serious or critical violation on `tab`'s page."""
    global _axe
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()  # reads the bundled axe.min.js once
    found = []
    for violation in _axe.run(tab).response["violations"]:
        if violation.get("impact") not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if node.get("impact") in BLOCKING and not _excluded(violation["id"], target):
                found.append(f"{violation['id']} ({node['impact']}): {target} — {violation['help']}")
    return found


def serious_problems_as_seen_by(page, path):
    """Audit `path` as the person signed in on `page` sees it, in a second tab that lets axe's script
    run (Guild's CSP forbids eval); `page` itself keeps the real policy."""
    site = urlsplit(page.url)
    context = page.context.browser.new_context(
        base_url=f"{site.scheme}://{site.netloc}", bypass_csp=True, viewport=page.viewport_size
    )
    try:
        context.add_cookies(page.context.cookies())
        tab = context.new_page()
        tab.goto(path, wait_until="load")
        assert urlsplit(tab.url).path == urlsplit(path).path, f"{path} led to {tab.url}"  # not the sign-in page
        return serious_problems(tab)
    finally:
        context.close()
