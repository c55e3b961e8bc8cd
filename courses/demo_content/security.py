from ._blocks import callout, code, course, lesson, ol, question, text, ul

COURSE = course(
    slug="security-awareness",
    title="Security awareness",
    summary=(
        "The yearly security course everyone at Acme completes: how attackers actually get in, how to spot and "
        "report phishing, and the account and device habits that protect you and our customers."
    ),
    level="beginner",
    skills=["Security awareness", "Phishing defence", "Access management"],
    authors=["reviewer@example.com"],
    co_authors=["amara.adeyemi@example.com"],
    audience="Everyone at Acme, including contractors. Renew every 12 months.",
    certificate_validity_months=12,
    pass_mark=80,
    is_mandatory=True,
    lessons=[
        lesson(
            "why-it-matters",
            "Why security is everyone's job",
            "Most incidents start with an ordinary person being tricked, not with clever hacking. What attackers "
            "want, and why fast reporting matters most.",
            8,
            text(
                "<p>When people imagine a security breach they picture someone breaking through a firewall. The "
                "reality is more mundane. Most incidents begin with a person: someone who opened a convincing "
                "email, approved a login prompt they didn't start, reused a password that had leaked elsewhere, or "
                "shared a file more widely than intended. Attackers go where the effort is lowest, and tricking a "
                "busy human is usually easier than defeating well-maintained systems.</p>",
                "<h2>What attackers are after</h2>",
                ul(
                    "<b>Credentials</b>: your password and a way past your multi-factor authentication, so they "
                    "can act as you.",
                    "<b>Money</b>: fake invoices, changed bank details, gift card requests from a “director”.",
                    "<b>Data</b>: customer records and internal documents to sell or to use for extortion.",
                    "<b>A foothold</b>: malware on one laptop from which they can move further in.",
                ),
                "<h2>You are a sensor, not a weak link</h2>",
                "<p>Security teams sometimes talk about people as the weakest link. We don't find that helpful or "
                "accurate. You see things our tools can't: an odd request from a supplier you know well, a login "
                "prompt at a strange time, a colleague's account sending messages that don't sound like them. "
                "Reporting those quickly is the single most valuable thing you can do.</p>",
            ),
            callout(
                "note",
                "<p>Report anything suspicious with the <b>Report phishing</b> button in your mail client, or in "
                "the <b>#security-help</b> channel. If you think you have clicked something or given away a "
                "password, call the IT service desk straight away, at any hour. You will never be in trouble for "
                "reporting, including reporting your own mistake.</p>",
            ),
            text(
                "<p>Speed matters because the first hour of an incident decides much of its cost. A password "
                "reset within ten minutes of a mistake usually ends the matter; the same mistake found a week later "
                "can mean a formal investigation and notifying customers.</p>",
            ),
        ),
        lesson(
            "spotting-phishing",
            "Spotting phishing",
            "The signals that give phishing away, how to check a sender and a link safely, and what to do if you "
            "have already clicked.",
            12,
            text(
                "<p>Phishing is any message (email, chat, text or phone call) that tries to get you to do "
                "something harmful: enter your password, open a file, approve a payment or share information. "
                "Good phishing no longer has obvious spelling mistakes. It looks like the messages you get every "
                "day, so look at the <i>request</i> as well as the presentation.</p>",
                "<h2>Warning signs</h2>",
                ul(
                    "<b>Urgency or pressure</b>: “within the hour”, “your account will be closed”, “the CEO needs "
                    "this before the board meeting”.",
                    "<b>An unusual request</b>: a change of bank details, gift cards, a password, a document you "
                    "weren't expecting.",
                    "<b>A sender that is nearly right</b>: a display name you know with an external address, or a "
                    "lookalike domain such as acme-payro1l.com.",
                    "<b>A link whose destination doesn't match its text</b>: hover or long-press to see where it "
                    "really goes.",
                    "<b>A request to keep it secret</b> or to bypass the usual process.",
                ),
            ),
            code(
                "text",
                """
From:    "Priya Natarajan" <priya.natarajan.acme@mail-inbox.net>
Subject: Quick favour - confidential

Hi, are you at your desk? I'm in back-to-back meetings and need
you to buy six £100 gift cards for a client thank-you today.
Please don't mention it to anyone yet. Send me the codes by reply.
""",
                "A typical gift card scam: a familiar name, an outside address, urgency, secrecy and an odd request.",
            ),
            text(
                "<h2>Check through a channel you already trust</h2>",
                "<p>If a request is unusual, verify it using contact details you already have: call the person on "
                "the number in the company directory, or message them in our chat tool. Never use the phone number "
                "or link in the suspicious message itself.</p>",
            ),
            callout(
                "warning",
                "<p>Clicked a link or entered your password? Don't wait to see what happens. Change your password "
                "from a trusted device, call the IT service desk, and report the message. Minutes matter, and "
                "telling us is always the right call.</p>",
            ),
        ),
        lesson(
            "accounts-and-access",
            "Passwords, MFA and access",
            "Use a password manager and unique passwords, treat unexpected MFA prompts as an attack, and only keep "
            "the access you need.",
            12,
            text(
                "<h2>One password per account, kept in the manager</h2>",
                "<p>Attackers collect passwords leaked from other websites and try them against work accounts. "
                "If you reuse a password, one breach anywhere becomes a breach here. Use the company password "
                "manager to generate and store a unique password for every account. You only need to remember one "
                "strong passphrase: four or five unrelated words is both long and memorable.</p>",
                "<h2>Multi-factor authentication</h2>",
                "<p>MFA means a stolen password alone is not enough. It only helps if you treat the second factor "
                "with care. Attackers who have your password sometimes send push notification after push "
                "notification, hoping you will tap <i>Approve</i> to make them stop, or they phone pretending to "
                "be IT and ask you to read out a code.</p>",
                ul(
                    "Only approve a prompt you have just triggered yourself.",
                    "If you get a prompt you didn't expect, deny it and report it: someone has your password.",
                    "IT will never ask you for an MFA code or your password, by phone or any other way.",
                ),
                "<h2>Least privilege</h2>",
                "<p>Ask for the access your work needs, and no more. Broad access feels convenient, but every "
                "extra permission is something an attacker gains if your account is compromised. When you change "
                "teams, or a project ends, ask for access you no longer need to be removed. Managers: the quarterly "
                "access review is a real control, not paperwork. Check each line, and remove what you can't "
                "explain.</p>",
            ),
            callout(
                "tip",
                "<p>Shared accounts hide who did what. If a tool seems to need a shared login, ask IT for "
                "individual accounts or a managed vault entry instead of passing a password around in chat.</p>",
            ),
        ),
        lesson(
            "everyday-habits",
            "Everyday habits for devices and data",
            "Locking screens, updates, working away from the office, handling files and visitors, and what counts "
            "as a security incident.",
            10,
            text(
                "<p>Many incidents come not from attacks but from small lapses: a laptop left unlocked in a café, "
                "a spreadsheet of customer emails shared with “anyone with the link”, an update postponed for "
                "three months. These habits are dull, which is exactly why they work.</p>",
                ul(
                    "<b>Lock your screen</b> whenever you step away, even in the office.",
                    "<b>Install updates</b> when prompted, and restart within a day. Most attacks on devices use "
                    "flaws that were fixed weeks ago.",
                    "<b>Keep work on work devices and tools.</b> Don't forward work documents to personal email or "
                    "upload them to unapproved services, including AI tools we haven't approved.",
                    "<b>Share files with named people</b>, not with anyone who has the link, and set an expiry "
                    "when sharing outside Acme.",
                    "<b>Away from the office</b>, use the VPN on public networks and be aware of who can see your "
                    "screen or hear your calls.",
                    "<b>Visitors</b> should be signed in and accompanied. It is fine to ask politely who someone is "
                    "visiting, and not to hold the door for people you don't know.",
                ),
                "<h2>What counts as an incident?</h2>",
                "<p>Report it if you are unsure. Typical examples: a lost or stolen device, data sent to the wrong "
                "person, a suspicious message you interacted with, an account behaving oddly, or access you have "
                "that you shouldn't. A report that turns out to be nothing costs us a few minutes; an unreported "
                "incident can cost far more.</p>",
            ),
            callout(
                "example",
                "<p>Ola emailed a customer list to the wrong “Sam” by mistake. She told the security team within "
                "ten minutes; they recalled the message, contacted the recipient, who deleted it, and recorded the "
                "incident. Because it was reported quickly, the privacy team could assess it the same morning "
                "rather than discovering it weeks later.</p>",
            ),
        ),
        lesson(
            "assessment",
            "Assessment",
            "Four scenario questions. You need 80% to pass; your certificate is valid for 12 months.",
            10,
            text(
                "<p>This assessment checks the decisions you would make in situations like those in the course. "
                "Read each scenario carefully and choose the best response. Some questions have more than one "
                "correct answer: they say so.</p>",
                "<p>You need 80% to pass. If you don't pass first time, the feedback under each answer points you "
                "back to what to review, and you can try again. Your certificate lasts 12 months, after which we "
                "ask you to take the refreshed version of this course, because both the threats and our tools "
                "change.</p>",
                "<h2>Before you start</h2>",
                "<p>Three ideas run through every question:</p>",
                ol(
                    "Judge the <b>request</b>, not just how the message looks.",
                    "Verify through a <b>channel you already trust</b>, never through the message itself.",
                    "<b>Report quickly</b>, including your own mistakes. Nobody is penalised for reporting.",
                ),
                "<p>Take your time. The assessment is not timed, and real attacks rarely are either: the pressure "
                "to act quickly is usually something the attacker creates on purpose. Practising a calm pause "
                "before acting, here and in your inbox, is part of the point, and a habit worth keeping long after today.</p>",
                "<p>If anything in the course conflicts with what you have been told elsewhere, ask in "
                "#security-help: the course and the policy should agree, and we want to know if they don't. "
                "When you have finished, take a moment to check that your own accounts follow the advice here: "
                "a unique password in the password manager for each, MFA switched on, and no access you no longer "
                "need. That is the real test.</p>",
            ),
            question(
                "An email from a known supplier says their bank details have changed and asks you to update them "
                "before paying this month's invoice. What should you do?",
                [
                    ("Reply to the email to confirm the new details.", False,
                     "If the supplier's mailbox is compromised, the attacker will confirm it for you."),
                    ("Call the supplier on the number already on file and verify before changing anything.", True,
                     "Right. Verify unusual requests through a channel you already trust."),
                    ("Update the details; the email came from the right address.", False,
                     "Real addresses get compromised. A change of bank details always needs independent checking."),
                ],
                "Changed bank details are a classic fraud. Verify by phone using details you already hold.",
            ),
            question(
                "Your phone shows an MFA prompt to approve a sign-in you didn't start. What should you do?",
                [
                    ("Approve it so the notifications stop.", False,
                     "This is exactly what the attacker hopes for: it gives them access to your account."),
                    ("Deny it, change your password and report it.", True,
                     "Right. An unexpected prompt means someone probably has your password."),
                    ("Ignore it; it's probably a glitch.", False,
                     "Ignoring it leaves your password in an attacker's hands. Report it so it can be checked."),
                ],
                "Only approve prompts you triggered yourself; an unexpected one is a sign of a stolen password.",
            ),
            question(
                "Which of these should you report to the security team?",
                [
                    ("You clicked a link in an email and then realised it looked wrong.", True,
                     "Yes. Report it straight away; quick action usually contains the problem."),
                    ("You sent a file with customer data to the wrong person.", True,
                     "Yes. It may be a personal data breach, which has legal deadlines for assessment."),
                    ("You lost a work phone on the train.", True,
                     "Yes. IT can lock and wipe it remotely, but only if they know."),
                    ("A colleague asked you to review their document in our usual shared drive.", False,
                     "That is normal work. Report things that are unexpected, unusual or gone wrong."),
                ],
                "When in doubt, report: it costs minutes and can save a great deal.",
            ),
            question(
                "Someone phones saying they are from IT and asks for the code from your authenticator app to "
                "fix your account. What do you do?",
                [
                    ("Read out the code; IT needs it to help.", False,
                     "IT never needs your MFA code. Giving it away hands over your account."),
                    ("Refuse, hang up, and report the call.", True,
                     "Right. Nobody legitimate asks for your code; reporting helps warn colleagues."),
                    ("Ask them for their employee number first, then share the code.", False,
                     "An attacker can invent or look up an employee number. The code should never be shared."),
                ],
                "Your MFA codes and password are never shared with anyone, including IT.",
            ),
        ),
    ],
)
