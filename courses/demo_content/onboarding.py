from ._blocks import callout, code, course, lesson, ol, question, text, ul

COURSE = course(
    slug="onboarding-essentials",
    title="Onboarding essentials",
    summary=(
        "Everything a new joiner needs in their first fortnight at Acme: how we are organised, how we work and "
        "write, the policies that apply from day one, and where to get help."
    ),
    level="beginner",
    skills=["Onboarding essentials", "Writing clearly"],
    authors=["sami.yilmaz@example.com"],
    audience="Everyone in their first two weeks at Acme. Managers may find it a useful refresher.",
    is_mandatory=True,
    lessons=[
        lesson(
            "welcome",
            "Welcome, and your first two weeks",
            "How Acme is organised, what your first fortnight looks like, and the people who will help you "
            "settle in.",
            8,
            text(
                "<p>Welcome to Acme. Starting somewhere new is tiring in a way that is easy to underestimate: new "
                "names, new tools, new unwritten rules. This course gives you the essentials in about forty minutes "
                "so that you can spend your energy on the people and the work rather than on working out where "
                "things live.</p>",
                "<h2>How we are organised</h2>",
                "<p>Acme has three main groups. <b>Engineering</b>, which includes Data &amp; Analytics, builds and "
                "runs the product. <b>Sales</b>, which includes Customer Success, finds and looks after our "
                "customers. <b>People &amp; Learning</b> looks after hiring, development and the way we work. Every "
                "team has a manager, and you can see the whole structure on your profile page in Guild.</p>",
                "<h2>Your first fortnight</h2>",
                ol(
                    "<b>Day one</b>: set up your laptop, accounts and password manager with IT, and meet your "
                    "manager.",
                    "<b>First week</b>: complete this course and <i>Security awareness</i>, meet your onboarding "
                    "buddy, and sit in on your team's regular meetings.",
                    "<b>Second week</b>: pick up a first small piece of real work, agreed with your manager, and "
                    "have your first proper 1:1.",
                ),
                "<p>Your manager will agree goals for your first 30, 60 and 90 days with you. They should be "
                "specific enough that you can both tell at the end whether they have been met.</p>",
            ),
            callout(
                "tip",
                "<p>Your onboarding buddy is a colleague outside your reporting line who remembers what it was like "
                "to be new. No question is too small for them: where the good coffee is, who owns the billing "
                "service, what an acronym means. Use them.</p>",
            ),
        ),
        lesson(
            "how-we-work",
            "How we work together",
            "Why we default to writing things down, how we use chat, documents and meetings, and how decisions "
            "get made and recorded.",
            10,
            text(
                "<p>Our teams span several time zones and many people work remotely some or all of the week. That "
                "shapes how we work: we default to writing things down, so that the people who weren't in the room "
                "(or awake) can catch up and contribute.</p>",
                "<h2>Chat, documents and meetings</h2>",
                ul(
                    "<b>Chat</b> is for quick questions and coordination. Ask in your team's public channel rather "
                    "than in a direct message, so that the answer helps the next person too.",
                    "<b>Documents</b> are for anything that needs thought or will be referred to later: proposals, "
                    "decisions, how-to guides. Link to them from chat instead of pasting long text.",
                    "<b>Meetings</b> are for discussion that would be slow in writing. Every meeting should have an "
                    "agenda beforehand and short notes afterwards, including who will do what.",
                ),
                "<h2>How decisions are made</h2>",
                "<p>For most decisions there is a named owner who consults the people affected, decides, and "
                "records the decision and the reasoning in a short decision note. If you disagree with a decision, "
                "say so to the owner with your reasons; once it is made, we expect you to support it, or to raise "
                "it again if new information appears.</p>",
                "<h2>Response times</h2>",
                "<p>Nobody is expected to reply to chat instantly. Within the working day is normal for direct "
                "questions. If something is genuinely urgent, say so in the first line and explain why, or pick up "
                "the phone.</p>",
            ),
            callout(
                "note",
                "<p>Working hours vary by team and by person. Put your usual hours and time zone on your profile, "
                "and respect other people's: schedule messages to arrive in their morning rather than expecting "
                "an answer at 10pm.</p>",
            ),
            text(
                "<p>You will pick up the rest by watching how your team works. When something seems odd, ask why. "
                "Sometimes there is a good reason; sometimes nobody has questioned it for years, and a new joiner's "
                "fresh eyes are exactly what was needed.</p>",
            ),
        ),
        lesson(
            "writing-clearly",
            "Writing clearly at work",
            "Conclusion first, one message one purpose, and short status updates that busy readers can act on.",
            10,
            text(
                "<p>Because so much of our work happens in writing, clear writing is one of the most valuable "
                "skills you can build here. It is not about elegant prose. It is about your reader understanding "
                "what you mean, and what you need from them, in the least time.</p>",
                "<h2>Three habits that cover most cases</h2>",
                ol(
                    "<b>Lead with the point.</b> Put the conclusion, request or decision in the first sentence. "
                    "Background goes after, for those who want it.",
                    "<b>One message, one purpose.</b> If you need three unrelated things, send three messages or "
                    "use a numbered list so that each can be answered.",
                    "<b>Say what you need and by when.</b> “Could you review this by Thursday midday?” gets a "
                    "faster, better answer than “Thoughts?”.",
                ),
                "<p>Prefer short, common words and short sentences. Spell out acronyms the first time; a new joiner "
                "(like you, this week) can't be expected to know them.</p>",
            ),
            code(
                "text",
                """
Before:
  Hi all, so following on from last week's discussion with the data team
  and a few other conversations, I've been looking at the churn numbers and
  there are some interesting things, not sure yet, but it might be worth
  a chat at some point?

After:
  Churn rose from 2.1% to 3.4% in October, almost all of it in small
  accounts on monthly plans. I'd like 30 minutes with Customer Success
  this week to check whether the new pricing page is the cause.
  Summary and chart: "October churn" in the Data team space.
""",
                "The same message rewritten: conclusion first, a specific ask, and a pointer to the detail.",
            ),
            callout(
                "tip",
                "<p>Before sending anything important, reread it as your busiest colleague would: on a phone, "
                "between meetings. Could they act on it from the first two lines?</p>",
            ),
        ),
        lesson(
            "policies-and-help",
            "Policies, tools and where to get help",
            "The few policies that apply from day one, the tools you will use most, and who to ask. Ends with a "
            "short check.",
            10,
            text(
                "<p>You don't need to read every policy in your first week, but a few apply from day one.</p>",
                ul(
                    "<b>Security</b>: use the password manager and MFA, lock your screen, and report anything "
                    "suspicious. <i>Security awareness</i> covers this and must be completed in your first week.",
                    "<b>Data privacy</b>: use customer and colleague data only for the purpose it was collected "
                    "for, and only in approved tools.",
                    "<b>Expenses</b>: keep receipts and submit claims within the month. Check the travel policy "
                    "before booking anything.",
                    "<b>Holidays and absence</b>: book leave in the HR system and agree it with your manager. If "
                    "you are ill, tell your manager as early as you can that day.",
                    "<b>Conduct</b>: treat everyone with respect. If you see or experience behaviour that isn't "
                    "right, you can raise it with your manager, your People partner or the confidential line.",
                ),
                "<h2>Learning here</h2>",
                "<p>Guild is where our courses, learning paths and expert communities live. Courses are written by "
                "colleagues who do the work, and you can rate them and react to individual lessons, which helps "
                "authors improve them. Your manager can suggest a path for your role; you can also browse the "
                "catalogue and enrol yourself.</p>",
                "<h2>Who to ask</h2>",
                "<p>For IT problems, the IT service desk. For pay, contracts and leave, the People team. For "
                "anything about your work, your manager or buddy. If you don't know who to ask, ask your buddy: "
                "finding the right person is part of what they are for. Asking early is a strength here: nobody expects "
                "you to know how things work yet, and a five-minute question often saves a day.</p>",
            ),
            question(
                "You need a colleague in another team to review a document. Which message is best?",
                [
                    ("“Thoughts?” with the document attached.", False,
                     "Your colleague has to guess what kind of review you want and how urgently."),
                    ("“Could you check section 2's figures by Thursday midday? The rest is background.”", True,
                     "Right. It says what you need, where to look and by when, so it can be answered quickly."),
                    ("A long message explaining the project history, with the request in the last line.", False,
                     "Busy readers may never reach the request. Lead with the point."),
                ],
                "Lead with the point and say what you need and by when.",
            ),
            question(
                "Which of these should you do in your first week?",
                [
                    ("Complete Security awareness.", True,
                     "Yes. It is mandatory and covers habits that protect you from day one."),
                    ("Set up the password manager and MFA.", True,
                     "Yes. IT will help you do this on day one."),
                    ("Read every company policy in full.", False,
                     "Not necessary. Know the few that apply from day one and where to find the rest."),
                    ("Meet your onboarding buddy.", True,
                     "Yes. Your buddy is the quickest route to answers and to the unwritten rules."),
                ],
                "Focus your first week on security basics, your people and a first small piece of work.",
            ),
        ),
    ],
)
