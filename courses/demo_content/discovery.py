from ._blocks import callout, code, course, lesson, ol, question, text, ul

COURSE = course(
    slug="customer-discovery-interviews",
    title="Customer discovery interviews",
    summary=(
        "Learn how customers actually work before you pitch or build: recruit the right people, ask about real "
        "past behaviour rather than opinions, and turn a handful of conversations into decisions."
    ),
    level="beginner",
    skills=["Customer discovery", "Product demos"],
    authors=["grace.ito@example.com"],
    audience="Account executives, customer success managers and product people who talk to customers.",
    lessons=[
        lesson(
            "why-discovery",
            "Why discovery comes before the demo",
            "What a discovery interview is for, how it differs from a sales call, and how to frame what you want to "
            "learn.",
            8,
            text(
                "<p>A discovery interview is a conversation in which you try to understand a customer's world: the "
                "job they are trying to get done, how they do it today, what it costs them and what they have "
                "already tried. You are not there to pitch, to validate an idea you have fallen for, or to collect "
                "feature requests. You are there to learn things you didn't know.</p>",
                "<p>It is tempting to skip straight to the demo. Demos feel productive; questions feel slow. But a "
                "demo given without discovery is a guess. You show the features you like, the customer nods "
                "politely, and neither of you learns whether the product solves a problem they care about enough "
                "to change how they work.</p>",
                "<h2>Start from what you need to learn</h2>",
                "<p>Before any interview, write down the two or three assumptions that matter most. Phrase them so "
                "that a conversation could prove them wrong.</p>",
            ),
            code(
                "text",
                """
We believe that...
  1. Finance teams at companies of 200-1,000 people reconcile supplier invoices by hand every month.
  2. The reconciliation takes at least two days and delays month-end close.
  3. They have tried spreadsheet templates and found them error-prone.
We'll know we're wrong if most people we speak to have already automated this,
or don't see the time spent as a problem.
""",
                "A short learning plan. Keep it to one page and share it with anyone joining the calls.",
            ),
            callout(
                "tip",
                "<p>If you can't name anything that would change your mind, you are not ready to interview. You "
                "are ready to sell, and that is a different meeting.</p>",
            ),
            text(
                "<p>Discovery also makes later demos far better. When you know a customer's current workflow and "
                "the words they use for it, you can show the three screens that matter to them, in their language, "
                "and skip the rest.</p>",
            ),
        ),
        lesson(
            "recruiting-and-preparing",
            "Recruiting and preparing",
            "Who to talk to, how many conversations you need, and a discussion guide that keeps you on track "
            "without becoming a script.",
            10,
            text(
                "<h2>Talk to the people who do the work</h2>",
                "<p>The buyer, the user and the person who feels the pain are often different people. For early "
                "discovery, prioritise the people who do the job day to day. Their manager can tell you about "
                "priorities and budget; only the practitioner can tell you which step of the process everybody "
                "quietly works around.</p>",
                "<p>Five to eight conversations with a consistent type of customer will usually show you the "
                "patterns. If every interview tells you something completely different, your target group is "
                "probably too broad: narrow it, rather than adding more interviews.</p>",
                "<h2>Getting the meeting</h2>",
                "<p>Existing customers are the easiest to reach: ask their account manager to introduce you. Be "
                "honest about the purpose (“I'm trying to understand how your team handles month-end; I won't be "
                "selling anything”) and keep it to 30 minutes. Then keep that promise.</p>",
                "<h2>A discussion guide, not a questionnaire</h2>",
                "<p>Write a one-page guide with the topics you want to cover and a few opening questions for each. "
                "Use it as a safety net. The best material comes from following up on something unexpected, so be "
                "ready to abandon the order.</p>",
            ),
            callout(
                "example",
                ol(
                    "Warm-up: their role, their team, a typical week.",
                    "The last time they did the task: walk me through it.",
                    "What was hard, slow or annoying about it; what it cost.",
                    "What they have tried to improve it, and why that did or didn't stick.",
                    "Wrap-up: who else should I talk to? May I follow up?",
                ),
            ),
            callout(
                "note",
                "<p>Ask permission before recording, explain where the recording will be stored, and follow the "
                "customer data guidance in <i>Data privacy in practice</i>. Two people per call is ideal: one asks, "
                "one takes notes.</p>",
            ),
        ),
        lesson(
            "asking-good-questions",
            "Asking questions that get honest answers",
            "Ask about specific past events, not opinions or hypotheticals. Avoid leading questions, dig into "
            "answers, and check yourself with a short quiz.",
            14,
            text(
                "<p>People are kind. Ask them whether they would use your idea and most will say yes, because "
                "saying no feels rude. Ask them what they would pay and they will guess. Opinions and predictions "
                "about the future are unreliable; descriptions of what actually happened are not.</p>",
                "<h2>Anchor on the last time</h2>",
                "<p>The single most useful question is some version of “Tell me about the last time you…”. It "
                "forces a specific, recent example, which is far richer and more honest than a generalisation. "
                "From there, ask what happened next, who was involved, what tools they used and how long it "
                "took.</p>",
                "<h2>Questions to swap</h2>",
                ul(
                    "Instead of <i>“Would you use a tool that automates this?”</i> ask <i>“What have you tried to "
                    "speed this up?”</i>",
                    "Instead of <i>“Is reconciliation painful?”</i> ask <i>“How did last month's reconciliation "
                    "go?”</i>",
                    "Instead of <i>“How much would you pay?”</i> ask <i>“What does this cost you today, in time or "
                    "money?”</i>",
                ),
                "<h2>Dig, then stay quiet</h2>",
                "<p>When you hear something interesting, follow it: “Why was that?”, “What happened then?”, "
                "“Can you show me?”. Then wait. Silence feels long to the interviewer and normal to the "
                "interviewee, who is often still thinking. The most candid remarks tend to come after a pause.</p>",
                "<p>Resist the urge to explain or defend the product when they describe a problem it already "
                "solves. Note it and keep listening; you will learn more about how they see the problem, and you "
                "can follow up later with something specific.</p>",
            ),
            callout(
                "warning",
                "<p>Compliments and enthusiasm (“That sounds great!”) are not evidence. Commitments are: an "
                "introduction to a colleague, time for a follow-up, access to real data, or a pilot.</p>",
            ),
            question(
                "Which question is most likely to get a reliable answer?",
                [
                    ("“Would you use a dashboard that showed unreconciled invoices?”", False,
                     "A hypothetical invites a polite yes and tells you little about real behaviour."),
                    ("“Walk me through the last time you reconciled supplier invoices.”", True,
                     "Right. A specific, recent event produces concrete detail you can trust and dig into."),
                    ("“Don't you find reconciliation frustrating?”", False,
                     "This leads the witness: it suggests the answer you hope to hear."),
                ],
                "Ask about specific past events; avoid hypotheticals and leading questions.",
            ),
            question(
                "Which of these count as evidence of a real problem?",
                [
                    ("They built their own spreadsheet workaround last year.", True,
                     "Yes. People invest effort only in problems that cost them something."),
                    ("They said “that sounds really useful”.", False,
                     "Politeness, not evidence. It costs them nothing to say."),
                    ("They offered to introduce you to their finance director.", True,
                     "Yes. An introduction spends their reputation, which is a real commitment."),
                    ("They can tell you how many hours it took last month.", True,
                     "Yes. A specific cost they can quantify shows the problem is real and noticed."),
                ],
                "Look for past effort, specific costs and commitments, not compliments.",
            ),
        ),
        lesson(
            "from-notes-to-decisions",
            "From notes to decisions",
            "Write up each interview the same day, look for patterns across interviews, and share what you learned "
            "in a form people will read.",
            10,
            text(
                "<p>An interview you don't write up is half wasted. Memory rewrites conversations within days, and "
                "it rewrites them in favour of what you already believed.</p>",
                "<h2>Same-day write-up</h2>",
                "<p>Within a few hours, write a short summary in a consistent format: who you spoke to, the "
                "specific story they told, direct quotes that matter, what surprised you, and what it means for "
                "each assumption in your learning plan. Mark each assumption as supported, contradicted or unclear. "
                "Store the write-up where the account team and product team can both find it.</p>",
                "<h2>Look for patterns, not anecdotes</h2>",
                "<p>After five or six interviews, lay the summaries side by side. Which problems came up "
                "unprompted in most conversations? Which workarounds keep appearing? A problem mentioned "
                "spontaneously by four people out of six is a strong signal; a feature one enthusiastic person "
                "asked for is not.</p>",
                "<h2>Share it briefly</h2>",
                "<p>Your readers want the conclusion first. A one-page summary usually works best: what we set out "
                "to learn, what we heard (with two or three quotes), what we now believe, and what we will do "
                "next. Link the individual write-ups for anyone who wants the detail.</p>",
            ),
            callout(
                "tip",
                "<p>When discovery has confirmed a real problem, the demo writes itself: open with the customer's "
                "own description of their last reconciliation, then show only the steps that remove the pain "
                "they told you about. Use their words, not our feature names.</p>",
            ),
            text(
                "<p>Finally, close the loop with the people you interviewed. A short thank-you, and later a note "
                "saying what changed because of their time, makes them far more willing to talk to you again.</p>",
            ),
        ),
    ],
)
