from ._blocks import callout, code, course, lesson, ol, question, text, ul

COURSE = course(
    slug="code-review-that-helps",
    title="Code review that helps",
    summary=(
        "Review code so that it gets safer and clearer and the author learns something: what to look for first, "
        "how to review tests and security-sensitive changes, and how to write comments people welcome."
    ),
    level="intermediate",
    skills=["Code review", "Secure coding", "Testing"],
    authors=["maya.quinn@example.com"],
    co_authors=["reviewer@example.com"],
    audience="Software engineers and analysts who review or submit pull requests.",
    lessons=[
        lesson(
            "what-review-is-for",
            "What code review is for",
            "Review spreads knowledge and catches design and security problems that tools miss. What that means "
            "for reviewers and for authors.",
            10,
            text(
                "<p>Code review is often described as a way to catch bugs. It does catch some, but studies of "
                "review at large companies have found that its bigger benefits are elsewhere: sharing "
                "knowledge of the codebase, keeping the design coherent, and giving a second person the chance to "
                "ask “what happens if…?” before the answer is found in production.</p>",
                "<h2>What to leave to machines</h2>",
                "<p>Formatting, import order, unused variables and most style questions belong to the formatter "
                "and linter that run in CI. If you find yourself writing the same style comment twice, propose a "
                "lint rule instead. Human attention is expensive; spend it on what tools can't judge.</p>",
                "<h2>What to look for, in order</h2>",
                ol(
                    "<b>Is this the right change?</b> Does it solve the problem in the ticket, in a sensible "
                    "place, without a simpler alternative?",
                    "<b>Is it correct?</b> Edge cases, error handling, concurrency, data migrations.",
                    "<b>Is it safe?</b> Input handling, permissions, secrets, personal data.",
                    "<b>Is it tested?</b> Would the tests fail if the code were wrong?",
                    "<b>Can the next person understand it?</b> Names, structure, comments that explain why.",
                ),
                "<p>Work from the top of this list down. There is little point polishing names in a change whose "
                "approach needs rethinking.</p>",
            ),
            callout(
                "tip",
                "<p>Authors: you make review good. Keep pull requests small (a few hundred lines at most), write a "
                "description that says what changed and why, point reviewers to the tricky part, and review your "
                "own diff once before asking anyone else.</p>",
            ),
            text(
                "<p>Finally, review is a conversation between colleagues, not a gate run by the more senior "
                "person. Junior engineers should review senior engineers' code too: it is one of the fastest ways "
                "to learn a codebase, and fresh eyes catch unclear code that experts read past.</p>",
            ),
        ),
        lesson(
            "reviewing-tests",
            "Reviewing correctness and tests",
            "Read the tests first, check that they would fail if the code were wrong, and look for the edge cases "
            "nobody wrote down.",
            12,
            text(
                "<p>A good habit is to read the tests before the implementation. They tell you what the author "
                "believes the code should do. Then ask two questions: are those the right behaviours, and would "
                "these tests actually fail if the code were broken?</p>",
            ),
            code(
                "python",
                """
def apply_discount(total, percent):
    \"\"\"Return the total after a percentage discount, never below zero.\"\"\"
    return max(total - total * percent / 100, 0)


def test_apply_discount():
    assert apply_discount(100, 10) == 90
""",
                "A change under review. The single test passes, but what does it leave unchecked?",
            ),
            text(
                "<p>This test proves the happy path and nothing else. As a reviewer you might ask:</p>",
                ul(
                    "What happens with a discount above 100%? The docstring promises zero; is there a test?",
                    "Is a negative percentage possible, and should it raise an error instead of increasing the "
                    "total?",
                    "Money as floating point: <code>apply_discount(0.70, 10)</code> returns "
                    "<code>0.6299999999999999</code>, not 0.63. Should this use <code>Decimal</code> and a rounding "
                    "rule?",
                ),
            ),
            code(
                "python",
                """
from decimal import Decimal

import pytest


@pytest.mark.parametrize("total,percent,expected", [
    (Decimal("100.00"), 10, Decimal("90.00")),
    (Decimal("19.99"), 100, Decimal("0.00")),
    (Decimal("50.00"), 150, Decimal("0.00")),
])
def test_discount_never_goes_below_zero(total, percent, expected):
    assert apply_discount(total, percent) == expected


def test_negative_discount_is_rejected():
    with pytest.raises(ValueError):
        apply_discount(Decimal("10.00"), -5)
""",
                "Tests a reviewer might suggest: boundaries, the promised floor, and invalid input.",
            ),
            callout(
                "note",
                "<p>A quick way to test the tests: mentally break the code (change a comparison, delete a line) "
                "and ask whether any test would notice. If none would, the tests are decoration.</p>",
            ),
            text(
                "<p>Beyond the tests, read the code for what happens when things fail: a network call times out, "
                "a record has been deleted, two requests arrive at once. Database migrations deserve special "
                "care: will they lock a large table, and can they be rolled back?</p>",
            ),
        ),
        lesson(
            "reviewing-for-security",
            "Reviewing for security",
            "The security problems reviewers are best placed to catch: injection, missing permission checks, "
            "secrets in code and leaking data in logs. With a short quiz.",
            14,
            text(
                "<p>Scanners catch some security problems, but many depend on intent, which only a human reviewer "
                "can judge. Keep a few questions in mind for any change that touches input, data or permissions.</p>",
                ul(
                    "<b>Is untrusted input ever treated as code?</b> SQL, shell commands, templates, file paths.",
                    "<b>Is there a permission check on the server</b> for every new view or endpoint, including "
                    "“another user's object”?",
                    "<b>Are secrets kept out of the code</b>, the logs and error messages?",
                    "<b>Does anything log or return personal data</b> it doesn't need to?",
                ),
                "<p>You don't need to be a security specialist to ask these. If an answer worries you, ask the "
                "security team to take a look; that is what they are there for.</p>",
            ),
            code(
                "python",
                """
# Under review
def find_orders(cursor, customer_name):
    cursor.execute(f"SELECT * FROM orders WHERE customer_name = '{customer_name}'")
    return cursor.fetchall()

# Suggested: let the driver pass the value as a parameter
def find_orders(cursor, customer_name):
    cursor.execute("SELECT * FROM orders WHERE customer_name = %s", [customer_name])
    return cursor.fetchall()
""",
                "String formatting builds SQL from input; a parameterised query keeps data and code apart.",
            ),
            text(
                "<p>In the first version, a name such as <code>' OR '1'='1</code> changes the meaning of the query. "
                "The parameterised version sends the value separately, so it can never be read as SQL, whatever it contains. The same "
                "principle applies to shell commands (pass a list of arguments, not a string) and HTML (let the "
                "template engine escape output rather than building markup by hand).</p>",
            ),
            callout(
                "warning",
                "<p>If you spot a real secret (a key, token or password) in a diff, treat it as leaked even if the "
                "pull request is never merged: it is already in the repository's history. Ask the author to "
                "rotate it, not just delete the line.</p>",
            ),
            question(
                "A new endpoint returns an invoice by ID. The view checks that the user is signed in. What should "
                "a reviewer ask?",
                [
                    ("Whether the view also checks the invoice belongs to this user's account.", True,
                     "Right. Without an ownership check, any signed-in user can read any invoice by changing the ID."),
                    ("Whether the ID should be hidden from the URL.", False,
                     "Hiding IDs doesn't replace a permission check; IDs leak and can be guessed."),
                    ("Nothing: being signed in is enough.", False,
                     "Authentication says who someone is; authorisation says what they may see. Both are needed."),
                ],
                "Every object lookup needs a server-side check that the user may access that object.",
            ),
            question(
                "Which of these should a reviewer flag?",
                [
                    ("subprocess.run(f\"convert {filename} out.png\", shell=True) with a user-supplied filename.",
                     True, "Yes. The filename can inject shell commands; pass a list of arguments without shell=True."),
                    ("logger.info(\"Password reset for %s with token %s\", email, token)", True,
                     "Yes. The token is a secret and the email is personal data; neither belongs in logs."),
                    ("cursor.execute(\"SELECT * FROM users WHERE id = %s\", [user_id])", False,
                     "This is the safe, parameterised form; nothing to flag on injection grounds."),
                ],
                "Flag untrusted input reaching a shell or query, and secrets or personal data in logs.",
            ),
        ),
        lesson(
            "comments-that-help",
            "Writing comments people welcome",
            "Say what kind of comment it is, explain why, suggest rather than command, and keep reviews moving.",
            10,
            text(
                "<p>The same observation can start a useful discussion or a defensive one, depending on how it is "
                "written. Review comments are read without your tone of voice, often by someone who has just spent "
                "days on the change, so a little care goes a long way.</p>",
                "<h2>Label your comments</h2>",
                "<p>Make clear how much each comment matters. We use three prefixes:</p>",
                ul(
                    "<b>Blocking:</b> must change before merge (a bug, a security issue, missing tests for core "
                    "behaviour).",
                    "<b>Suggestion:</b> I think this would be better, but I'll approve either way.",
                    "<b>Nit:</b> tiny, optional, ignore freely.",
                ),
                "<h2>Explain the why, ask real questions</h2>",
                "<p>“Use a set here” is an instruction. “Suggestion: a set would make this lookup constant time; "
                "the list can hold ten thousand items on large accounts” is a reason the author can weigh, and "
                "learn from. If you genuinely don't understand something, ask: “What happens if the payment "
                "provider times out here?” Sometimes the answer is a missing test; sometimes you learn something.</p>",
                "<h2>Keep it moving</h2>",
                "<p>Aim to give a first review within one working day. If a change is too big to review well, say "
                "so early and suggest how to split it. When the discussion goes back and forth more than twice, "
                "switch to a short call and write the outcome in the thread. And say what is good: a comment such "
                "as “nice, this test makes the edge case obvious” costs nothing and tells the author what to keep "
                "doing.</p>",
            ),
            callout(
                "example",
                "<p><b>Instead of:</b> “This is wrong.”</p><p><b>Try:</b> “Blocking: if "
                "<code>items</code> is empty, <code>max()</code> raises ValueError here. Could we return early, and "
                "add a test for an empty basket?”</p>",
            ),
        ),
    ],
)
