"""Debian's Chromium driven by Playwright for Python. Never `playwright install`."""

import os
import shutil

import pytest

from .people import PASSWORD

__all__ = ["browser", "page", "goto", "sign_in", "sign_out", "open_action_menu", "approve_from_review_queue", "CHROMIUM"]

CHROMIUM = os.environ.get("GUILD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    context.close()


def goto(page, url):
    """`page.goto`, tried once more when the previous step's form (its redirect still on the way)
    interrupts it: a person would wait for the page to finish loading before going elsewhere."""
    from playwright.sync_api import Error

    try:
        page.goto(url)
    except Error as exc:
        if "interrupted by another navigation" not in str(exc):
            raise
        page.wait_for_load_state()
        page.goto(url)


def sign_in(page, email, password):
    """Sign in through the real form, as a person would."""
    goto(page, "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state("networkidle")


def sign_out(page):
    page.context.clear_cookies()


def open_action_menu(page):
    """The Wagtail editor's footer: the main button plus a toggle that reveals the other actions
    ("Submit for peer review", "Request changes", ...)."""
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()


def approve_from_review_queue(page, email, title, checklist, shows=""):
    """A reviewer signs in, opens `title` from their review queue (which shows the text `shows`),
    ticks every `checklist` item and approves; signed out afterwards."""
    sign_in(page, email, PASSWORD)
    page.goto("/reviews/")
    page.get_by_test_id("queue").get_by_role("link", name=title).click()
    assert shows in page.content()
    for item in checklist:
        page.get_by_label(item).check()
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url("**/reviews/")
    sign_out(page)
