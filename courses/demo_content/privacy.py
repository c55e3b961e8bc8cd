from ._blocks import callout, code, course, lesson, question, text, ul

COURSE = course(
    slug="data-privacy-in-practice",
    title="Data privacy in practice",
    summary=(
        "What data protection law (UK and EU GDPR) means for everyday work with customer and colleague data: "
        "recognising personal data, applying the principles, assessing risk and handling requests and breaches."
    ),
    level="intermediate",
    skills=["Data privacy", "Risk assessment"],
    authors=["expert@example.com"],
    audience="Anyone who queries, exports, shares or designs systems around personal data, especially analysts.",
    certificate_validity_months=24,
    lessons=[
        lesson(
            "what-counts-as-personal-data",
            "What counts as personal data",
            "Personal data is wider than names and emails. Special category data, pseudonymised versus anonymous "
            "data, and why the difference matters.",
            10,
            text(
                "<p>Personal data is any information relating to an identified or identifiable living person. "
                "The word that catches people out is <i>identifiable</i>. A name or email address obviously "
                "qualifies, but so does a customer ID, a device identifier, an IP address, or a combination of "
                "ordinary fields (job title, office and start date) that together point to one person.</p>",
                "<h2>Special category data</h2>",
                "<p>Some personal data needs extra protection because misuse could cause serious harm: racial or "
                "ethnic origin, political opinions, religious or philosophical beliefs, trade union membership, "
                "genetic data, biometric data used to identify someone, health data, and data about a person's sex "
                "life or sexual orientation. Data about criminal convictions has its own, similar rules. If a "
                "dataset contains any of these, stop and talk to the privacy team before using it in a new "
                "way.</p>",
                "<h2>Pseudonymised is not anonymous</h2>",
                "<p>Replacing names with IDs, or hashing email addresses, is <b>pseudonymisation</b>. It reduces "
                "risk and is good practice, but the data is still personal data, because someone with the key or "
                "the original table can re-identify people. Truly <b>anonymous</b> data, which no one can "
                "reasonably link back to a person, falls outside the law, but it is much harder to achieve than "
                "most people think. Small groups are a common trap: “the one customer in Iceland on the enterprise "
                "plan” is identifiable even without a name.</p>",
            ),
            callout(
                "tip",
                "<p>When publishing aggregate figures, suppress or merge groups with fewer than ten people. It is "
                "a simple rule that prevents most accidental re-identification in dashboards and reports.</p>",
            ),
            text(
                "<p>None of this means you can't work with personal data. It means you should know when you are, "
                "and apply the habits in the next lesson as a matter of routine.</p>",
            ),
        ),
        lesson(
            "principles-in-daily-work",
            "The principles in daily work",
            "Lawful basis, purpose limitation, data minimisation, accuracy, retention and security, translated into "
            "what they mean for a query, an export or a new dashboard.",
            12,
            text(
                "<p>Data protection law rests on a handful of principles. They are short, and they are worth "
                "knowing by heart, because they answer most day-to-day questions.</p>",
                ul(
                    "<b>Lawful, fair and transparent</b>: we need a lawful basis (such as a contract, a legal "
                    "obligation, consent or legitimate interests) and must use data in ways people would expect "
                    "from our privacy notice.",
                    "<b>Purpose limitation</b>: data collected for one purpose isn't reused for an unrelated one "
                    "without checking. Support tickets collected to fix problems are not automatically marketing "
                    "material.",
                    "<b>Data minimisation</b>: use only what the task needs.",
                    "<b>Accuracy</b>: correct data when you know it is wrong.",
                    "<b>Storage limitation</b>: don't keep it longer than needed; follow the retention schedule.",
                    "<b>Security</b>: protect it appropriately, in approved tools, with access limited to those who "
                    "need it.",
                ),
                "<h2>Minimisation in a query</h2>",
                "<p>For analysts, minimisation is the principle you will apply most often. Most questions can be "
                "answered with aggregates or pseudonymous IDs; very few need names and contact details.</p>",
            ),
            code(
                "sql",
                """
-- Needs only counts by plan and month: no direct identifiers leave the warehouse
SELECT plan, date_trunc('month', cancelled_at) AS month, COUNT(*) AS cancellations
FROM subscriptions
WHERE cancelled_at >= DATE '2026-01-01'
GROUP BY plan, date_trunc('month', cancelled_at)
HAVING COUNT(*) >= 10;
""",
                "Aggregate, and suppress small groups, rather than exporting customer rows to a spreadsheet.",
            ),
            callout(
                "warning",
                "<p>Exports are where most privacy incidents start. A CSV on a laptop, in a personal cloud drive or "
                "attached to an email has left every control we have. If you must export personal data, use the "
                "approved shared space, restrict access, and delete the file when the task is done.</p>",
            ),
        ),
        lesson(
            "assessing-privacy-risk",
            "Assessing privacy risk",
            "A quick screening you can do yourself, when a full data protection impact assessment is needed, and "
            "what to check before sharing data with a supplier.",
            12,
            text(
                "<p>Most privacy risk is created at the start of a piece of work: a new data source, a new tool, a "
                "new use for data we already hold. That is the cheapest moment to spot it. Before you start, run "
                "through a short screening.</p>",
            ),
            code(
                "text",
                """
Privacy screening - answer before you start
1. Whose personal data is involved, and roughly how many people?
2. Does it include special category data, children's data or financial data?
3. Is this a new purpose compared with why we collected it?
4. Will it combine datasets, profile people or make automated decisions about them?
5. Will anyone outside Acme (a supplier, a partner) receive or access it?
6. Will it be stored or accessed outside the UK/EEA?
7. How long will we keep it, and how will it be deleted?
""",
                "If you answer yes to any of 2-6, or aren't sure, talk to the privacy team.",
            ),
            text(
                "<h2>Data protection impact assessments</h2>",
                "<p>The law requires a data protection impact assessment (DPIA) before processing that is likely "
                "to result in a high risk to people: for example large-scale use of special category data, "
                "systematic monitoring, or profiling that significantly affects people. A DPIA describes the "
                "processing, assesses necessity and proportionality, identifies risks to individuals and records "
                "the measures that reduce them. The privacy team runs it with you; your part is to describe the "
                "work accurately and early.</p>",
                "<h2>Suppliers</h2>",
                "<p>Sending personal data to a supplier, including a software-as-a-service tool, needs a contract "
                "with data protection terms and a security review, and transfers outside the UK/EEA need extra "
                "safeguards. Using a free tool that nobody has reviewed, even for a quick analysis, skips all of "
                "that.</p>",
            ),
            callout(
                "note",
                "<p>Think about risk to the <i>people in the data</i>, not only to Acme: could this embarrass, "
                "exclude, or financially harm someone if it went wrong or were misused?</p>",
            ),
        ),
        lesson(
            "rights-requests-and-breaches",
            "Requests, breaches and a final check",
            "Recognising requests from people about their data, what to do in the first hour of a suspected breach, "
            "and the assessment for your certificate.",
            12,
            text(
                "<h2>People's rights over their data</h2>",
                "<p>People can ask for a copy of their personal data (a subject access request), and ask us to "
                "correct it, delete it, restrict or object to its use, or receive it in a portable form. A request "
                "doesn't need special wording or a form: an email to a support agent saying “send me everything "
                "you hold on me” counts. We normally have one calendar month to respond, so forward requests to "
                "the privacy team on the day you receive them rather than answering yourself.</p>",
                "<h2>Personal data breaches</h2>",
                "<p>A breach is any security incident that leads to personal data being lost, destroyed, altered, "
                "disclosed or accessed without authorisation, whether by accident or on purpose. An email sent to "
                "the wrong customer is a breach; so is a lost unencrypted laptop or a spreadsheet shared publicly "
                "by mistake.</p>",
                "<p>Where a breach is likely to result in a risk to people, we must notify the data protection "
                "regulator without undue delay and, where feasible, within 72 hours of becoming aware of it. The "
                "clock starts when Acme becomes aware, which in practice is often when you notice. That is why "
                "the rule for you is simple: report it to the security team immediately, contain it if you safely "
                "can (recall the email, remove the sharing link), and don't try to assess it alone.</p>",
            ),
            callout(
                "example",
                "<p>An analyst noticed that a dashboard shared with a partner included a column of customer email "
                "addresses. She removed the partner's access, reported it within twenty minutes, and the privacy "
                "team confirmed from the access logs that nobody had opened it. It was recorded as a breach with "
                "no notification needed: a good outcome made possible by speed.</p>",
            ),
            question(
                "Which of these is personal data?",
                [
                    ("A table of customer IDs with their purchase history.", True,
                     "Yes. Pseudonymous IDs can be linked back to people, so this is still personal data."),
                    ("Monthly revenue by region, with every group above 100 customers.", False,
                     "Correct that this isn't: properly aggregated figures with large groups don't identify anyone."),
                    ("A hashed email address.", True,
                     "Yes. Hashing is pseudonymisation; whoever holds the original emails can match the hashes."),
                    ("The IP address of a visitor to our website.", True,
                     "Yes. An IP address can identify a person's device and so relates to an identifiable person."),
                ],
                "Pseudonymised data is still personal data; only genuinely anonymous data falls outside the law.",
            ),
            question(
                "You realise you emailed a file of customer names and phone numbers to the wrong supplier. "
                "What should you do first?",
                [
                    ("Wait to see whether the supplier mentions it.", False,
                     "Waiting uses up the 72-hour window and removes the chance to contain the breach."),
                    ("Report it to the security team immediately and try to recall the message.", True,
                     "Right. Report and contain straight away; the privacy team assesses whether to notify."),
                    ("Decide whether it is serious enough to report.", False,
                     "That assessment is for the privacy team, who need the facts quickly to make it."),
                ],
                "Report and contain at once; the 72-hour clock can start when you notice.",
            ),
            question(
                "A customer writes to support: “Please tell me what data you hold about me.” What is this?",
                [
                    ("An informal question that support can answer from the CRM.", False,
                     "It is a subject access request, even without formal wording, and must be handled fully."),
                    ("A subject access request, to forward to the privacy team the same day.", True,
                     "Right. No special form is needed, and the one-month deadline starts on receipt."),
                    ("Not valid unless the customer uses the official form.", False,
                     "There is no requirement to use a form; we must recognise requests however they arrive."),
                ],
                "Requests about personal data can arrive in any wording and through any channel.",
            ),
        ),
    ],
)
