"""The SME academy: how experts write and review Guild courses."""

from ._blocks import callout, code, course, lesson, ol, question, text, ul

WRITING = course(
    slug="writing-a-great-guild-course",
    title="Writing a great Guild course",
    summary=(
        "For new experts: scope a course around one job outcome, write short lessons people finish, write quiz "
        "questions whose feedback teaches, start from a template, and keep improving from learner reactions."
    ),
    level="beginner",
    skills=["Writing clearly", "Facilitation"],
    authors=["sami.yilmaz@example.com"],
    audience="Colleagues who have joined the expert community and are writing their first Guild course.",
    lessons=[
        lesson(
            "scope-around-one-outcome",
            "Scope the course around one job outcome",
            "Start from what learners will do differently at work, not from everything you know. A one-paragraph "
            "scope keeps the course short and reviewable.",
            10,
            text(
                "<p>Experts know a great deal, and the natural first draft of a course tries to pass all of it "
                "on. The result is long, hard to finish and hard to review. The courses learners rate most "
                "useful at Guild do the opposite: they help one group of people do one thing at work better.</p>",
                "<h2>Write the outcome first</h2>",
                "<p>Before you open the editor, finish this sentence: <i>“After this course, a [who] will be able "
                "to [do what] at work, which means [why it matters].”</i> If you can't, the course isn't ready to "
                "write. If your sentence has two or three “and”s in it, you probably have two or three courses.</p>",
            ),
            code(
                "text",
                """
After this course, a data analyst in their first year will be able to
write joins and window functions that return correct numbers first time,
which means fewer dashboards quietly double counting revenue.

In scope:      SELECT/WHERE, GROUP BY, joins, window functions, checking row counts
Out of scope:  query performance tuning, database design, dbt
Prerequisite:  can read a spreadsheet and knows what a table is
""",
                "A scope statement for an SQL course. It fits on one screen and tells reviewers what to judge.",
            ),
            text(
                "<h2>Decide what to leave out</h2>",
                "<p>The out-of-scope line is the most useful one. For each topic you are tempted to add, ask: will "
                "a learner use this in the next month? If not, leave it out, or note it as a possible follow-on "
                "course. A short course that is finished beats a complete one that is abandoned halfway.</p>",
                "<h2>Check the need</h2>",
                "<p>Look at the learning needs board before you start: someone may already have asked for this "
                "course, with upvotes and examples that tell you what people struggle with. Talk to two or three "
                "people in your audience. Ask them about the last time they found this task hard; their answers "
                "are your best examples.</p>",
            ),
            callout(
                "tip",
                "<p>Put your outcome sentence in the course summary. It is the first thing learners read in the "
                "catalogue and the first thing your reviewers check the course against.</p>",
            ),
        ),
        lesson(
            "write-short-lessons",
            "Write short lessons people finish",
            "One idea per lesson, five to fifteen minutes each, with headings, real examples from our work and "
            "the right block for each job.",
            10,
            text(
                "<p>People take Guild courses between meetings, on a train, in the fifteen minutes before a "
                "call. Write for that reality. A lesson should take five to fifteen minutes and cover one idea, so "
                "that a learner can finish it in one sitting and come back later without losing the thread.</p>",
                "<h2>A shape that works</h2>",
                ol(
                    "Open with a situation the learner will recognise, in two or three sentences.",
                    "Explain the idea under one or two headings. Keep paragraphs short.",
                    "Show a worked example, ideally from our own work, anonymised.",
                    "Close with what to do differently, or a question to check understanding.",
                ),
                "<h2>Choose blocks for what they do</h2>",
                ul(
                    "<b>Text</b> for explanation. Use headings so that learners can scan and return.",
                    "<b>Callouts</b> sparingly: a <i>tip</i> for a practical shortcut, a <i>warning</i> for a "
                    "mistake with real consequences, an <i>example</i> for a short story, a <i>note</i> for "
                    "context. If every paragraph is a callout, none stands out.",
                    "<b>Code</b> for anything learners will copy or type: queries, commands, templates, sample "
                    "messages. Add a caption saying what to notice.",
                    "<b>Images and video</b> when seeing matters more than reading. Always add alternative text or "
                    "a transcript.",
                ),
                "<h2>Write like a colleague</h2>",
                "<p>Use “you” and “we”, short sentences and common words. Explain acronyms the first time. Be "
                "direct about what matters and honest about trade-offs: learners trust a course that says “this "
                "depends” and explains on what, more than one that pretends there is one right answer.</p>",
            ),
            callout(
                "warning",
                "<p>Never paste real customer or colleague data into an example, even briefly. Invent realistic "
                "data, or anonymise it properly. Reviewers will send back courses that contain personal data.</p>",
            ),
        ),
        lesson(
            "quiz-questions-that-teach",
            "Quiz questions whose feedback teaches",
            "Test decisions rather than recall, write wrong answers that reflect real mistakes, and give every "
            "answer feedback. With practice questions.",
            12,
            text(
                "<p>A quiz question in Guild is a learning moment as well as a check. Learners see your feedback "
                "as soon as they answer, so a good question teaches something whichever option they pick.</p>",
                "<h2>Test decisions, not recall</h2>",
                "<p>“Which year was the policy introduced?” tests memory. “A supplier emails new bank details. "
                "What do you do first?” tests whether the learner can apply the course. Write scenarios drawn from "
                "real work, and ask what the learner would do.</p>",
                "<h2>Wrong answers should be tempting</h2>",
                "<p>The best wrong answers are the mistakes people actually make. If one option is obviously silly, "
                "it adds nothing; replace it with the thing a rushed colleague would really do. Keep options a "
                "similar length, because the longest, most qualified answer is often guessed as correct.</p>",
                "<h2>Feedback for every answer</h2>",
                "<p>Each option needs feedback explaining why it is right or wrong, in a sentence or two. “Incorrect” "
                "teaches nothing. “Hashing is pseudonymisation: whoever has the original emails can match them” "
                "teaches the point the learner missed. Use the explanation field for the general principle.</p>",
                "<h2>Single or multiple choice</h2>",
                "<p>Single choice has exactly one correct answer. Use multiple choice (“choose all that apply”) "
                "when several things are genuinely true, and say so in the question. Two to four questions at the "
                "end of a lesson is plenty.</p>",
            ),
            callout(
                "example",
                "<p><b>Weak feedback:</b> “Wrong. The answer is B.”</p>"
                "<p><b>Feedback that teaches:</b> “Not quite. Replying to the email asks the sender to confirm "
                "their own message; if their mailbox is compromised, the attacker will. Verify by phone using the "
                "number you already hold.”</p>",
            ),
            question(
                "Which question best tests whether a learner can apply a lesson on phishing?",
                [
                    ("“What does the word phishing come from?”", False,
                     "This is trivia: knowing it doesn't change what anyone does with a suspicious email."),
                    ("“An email from your director asks you to buy gift cards urgently. What do you do first?”",
                     True, "Right. A realistic scenario tests the decision the course is meant to improve."),
                    ("“Is phishing dangerous?”", False,
                     "Everyone will answer yes; it tests nothing and teaches nothing."),
                ],
                "Good questions put the learner in a realistic situation and ask what they would do.",
            ),
            question(
                "Which of these make feedback on a wrong answer useful?",
                [
                    ("It explains why the option is wrong.", True,
                     "Yes. The learner understands the mistake instead of just knowing they made one."),
                    ("It points to the right idea or the lesson section to revisit.", True,
                     "Yes. It turns a wrong answer into a next step."),
                    ("It simply says “Incorrect, try again.”", False,
                     "The learner already knows it is wrong; they need to know why."),
                ],
                "Feedback should explain the reasoning, so that every answer teaches.",
            ),
        ),
        lesson(
            "templates-review-and-reactions",
            "Templates, review and learner reactions",
            "Start from a template, check the checklist before you submit, and treat reactions and ratings as the "
            "start of a conversation with your learners.",
            10,
            text(
                "<h2>Start from a template</h2>",
                "<p>When you create a course in your workspace, choose a template. L&amp;D publish templates for "
                "skill courses, compliance courses and onboarding. Each one gives you a lesson outline with "
                "guidance on what to write in each lesson, and a review checklist. You can rename, add or remove "
                "lessons; the template is a starting point, not a cage.</p>",
                "<h2>Before you submit</h2>",
                "<p>Read the template's checklist and go through it honestly: reviewers will use the same list. "
                "Preview every lesson on your phone. Take the quizzes yourself, choosing wrong answers on purpose "
                "to read your feedback. Then submit for peer review. Reviewers are picked from experts who share "
                "the course's skills (usually two must approve), and neither you nor a co-author can be one.</p>",
                "<p>If reviewers request changes, the course comes back to you with their comments. Reply to each "
                "comment, either with the change you made or with a short reason if you disagree. Reviewers are "
                "colleagues helping you make the course better, and most requests are about clarity, which is "
                "hard to judge in your own writing.</p>",
                "<h2>After publishing: reactions and ratings</h2>",
                "<p>Learners can react to each lesson: <i>useful</i>, <i>learned something</i>, <i>outdated</i> "
                "or <i>have a question</i>. They reach you in your workspace. Answer questions within a few days; "
                "if the same question comes up twice, the lesson needs a clearer paragraph. Treat an "
                "<i>outdated</i> reaction as a bug report: check it, fix it, and thank the learner.</p>",
            ),
            callout(
                "tip",
                "<p>Schedule a short review of your course every six months. Read the reactions, the ratings and "
                "the quiz questions most people get wrong, which usually point to a lesson that needs work rather "
                "than to careless learners.</p>",
            ),
        ),
    ],
)

REVIEWING = course(
    slug="reviewing-a-colleagues-course",
    title="Reviewing a colleague's course",
    summary=(
        "How peer review works at Guild: what to check (accuracy, clarity, the template checklist), how to "
        "request changes kindly and specifically, and how to respect the review SLA."
    ),
    level="intermediate",
    skills=["Writing clearly", "Code review"],
    authors=["amara.adeyemi@example.com"],
    audience="Experts who review courses in the peer-review workflow, and authors who want to know what to expect.",
    lessons=[
        lesson(
            "why-peer-review",
            "Why we review, and how it works",
            "Peer review keeps our courses accurate and clear without a central bottleneck. Who reviews, what the "
            "workflow does and what is expected of you.",
            8,
            text(
                "<p>Guild courses are written by the people who do the work, not by a central team. That keeps "
                "them practical and current, but it means nobody is checking every course by default. Peer "
                "review is how we keep quality high without creating a queue in L&amp;D: experts review each "
                "other's courses before they reach learners.</p>",
                "<h2>How the workflow works</h2>",
                ul(
                    "When an author submits a course, reviewers are picked from experts who share the course's "
                    "skills. Authors and co-authors can never review their own course.",
                    "A course needs approval from the required number of reviewers (usually two) before it is "
                    "published.",
                    "Each reviewer works through the course and the checklist from its template, then either "
                    "approves or requests changes with comments.",
                    "If changes are requested, the course goes back to the author; when they resubmit, review "
                    "starts again.",
                ),
                "<h2>What you are, and are not, there for</h2>",
                "<p>You are there to make sure the course is accurate, clear and useful for its stated audience, "
                "and that it meets the checklist. You are not there to rewrite it in your own style, or to turn it "
                "into the course you would have written. If the author's approach works, approve it even if yours "
                "would differ.</p>",
                "<p>Reviewing is also one of the best ways to get better at writing courses yourself. You see "
                "quickly what makes a lesson easy or hard to follow when it is someone else's.</p>",
            ),
            callout(
                "note",
                "<p>If you are asked to review a course outside your expertise, or you have a conflict of interest "
                "(for example, you manage the author), decline the task straight away with a short reason, so "
                "that another reviewer can be picked without delay.</p>",
            ),
        ),
        lesson(
            "what-to-check",
            "What to check",
            "Accuracy first, then clarity for the audience, then the template checklist. A practical order for a "
            "review that takes under an hour.",
            12,
            text(
                "<p>Most courses can be reviewed well in thirty to sixty minutes. Work in this order, so that "
                "your time goes on what matters most.</p>",
                "<h2>1. Scope and audience</h2>",
                "<p>Read the summary and audience. Is the job outcome clear? Does the course deliver it, and no "
                "more? A course that wanders beyond its scope is a common and useful thing to point out.</p>",
                "<h2>2. Accuracy</h2>",
                "<p>This is where your expertise counts most. Check facts, figures, policy references, commands "
                "and code samples. Run the code if you can. Flag anything out of date, and anything that is "
                "technically true but likely to mislead a beginner. Look for personal or customer data in "
                "examples: it must not be there.</p>",
                "<h2>3. Clarity</h2>",
                "<p>Read as a member of the audience would. Where did you have to reread a paragraph? Which "
                "acronym wasn't explained? Is each lesson about one idea and a sensible length? Are the examples "
                "realistic?</p>",
                "<h2>4. Quizzes</h2>",
                "<p>Answer every question, choosing wrong answers deliberately. Does each answer have feedback that "
                "explains why? Is there exactly one correct answer for single-choice questions? Are the wrong "
                "answers plausible mistakes, or giveaways?</p>",
                "<h2>5. The template checklist</h2>",
                "<p>Finally, go through the checklist attached to the review. Tick only what you have actually "
                "checked. For a compliance course, confirm that legal or the policy owner has signed off; if not, "
                "request changes rather than approving on trust.</p>",
            ),
            callout(
                "tip",
                "<p>Keep notes as you go, with the lesson and paragraph each one refers to. Writing your comments "
                "at the end from memory is slower and less specific.</p>",
            ),
        ),
        lesson(
            "requesting-changes-kindly",
            "Requesting changes kindly and specifically",
            "Comments that say where, what and why; separating must-fix from nice-to-have; and approving with "
            "suggestions. With a short quiz.",
            12,
            text(
                "<p>The author has usually spent many evenings on their course. Your comments will be read "
                "carefully, and probably more than once. Make them easy to act on and easy to receive.</p>",
                "<h2>Say where, what and why</h2>",
                "<p>Every comment should point to a specific place, say what the problem is, and explain why it "
                "matters to the learner. Where you can, suggest a fix.</p>",
            ),
            code(
                "text",
                """
Vague:     "Lesson 3 is confusing."

Specific:  "Must fix - Lesson 3, 'Joins without surprises', second code sample:
            the query sums credit_limit after joining to orders, so it double
            counts (the fan-out the lesson warns about). Suggest aggregating
            orders in a CTE first, as in the paragraph above it."

Optional:  "Suggestion - Lesson 1: a short example of a half-open date range
            with timestamps might help beginners see why BETWEEN fails."
""",
                "The same review, vague and specific. Label what must change and what is optional.",
            ),
            text(
                "<h2>Separate must-fix from nice-to-have</h2>",
                "<p>Request changes only for problems that would mislead or fail learners: errors, missing "
                "feedback, unclear core explanations, checklist items not met. Everything else is a suggestion the "
                "author may take or leave. If all your comments are suggestions, approve and leave them as "
                "comments.</p>",
                "<h2>Be kind, be honest</h2>",
                "<p>Start with what works, genuinely and specifically. Write about the course, not the author: "
                "“this paragraph assumes the reader knows what a CTE is” rather than “you assume too much”. And be "
                "honest: approving a course with a serious error to avoid an awkward comment fails every learner "
                "who takes it.</p>",
            ),
            question(
                "Which review comment is most useful to the author?",
                [
                    ("“The quiz needs work.”", False,
                     "The author can't tell which question, what the problem is or what would fix it."),
                    ("“Must fix - Lesson 4, question 2: two answers are correct but it is single choice. Make it "
                     "multiple choice or reword the second option.”", True,
                     "Right. It says where, what, why it matters and how to fix it, and it is labelled must fix."),
                    ("“I'd have written this quiz differently.”", False,
                     "Preference isn't a problem to fix. Explain an actual issue for learners, or leave it."),
                ],
                "Specific comments say where, what and why, and suggest a fix.",
            ),
            question(
                "All your comments are optional suggestions. What should you do?",
                [
                    ("Request changes so the author sees them.", False,
                     "This blocks publication for things that don't need to change; the author sees comments "
                     "either way."),
                    ("Approve, and leave the suggestions as comments.", True,
                     "Right. Request changes only for must-fix problems; suggestions travel with an approval."),
                    ("Wait for the other reviewer to decide first.", False,
                     "Reviews are independent, and waiting eats into the review SLA for no benefit."),
                ],
                "Only must-fix problems justify requesting changes.",
            ),
        ),
        lesson(
            "review-sla-etiquette",
            "Respecting the review SLA",
            "Why review time matters, what to do when you can't make the deadline, and how reminders and "
            "escalation work.",
            8,
            text(
                "<p>Every review has a service level: by default, five days from when the task reaches you. The "
                "due date is shown on the task in your workspace. Authors often write courses to meet a real need, "
                "such as a new policy, a product launch or a cohort starting, and a review that sits untouched for "
                "two weeks can mean learners go without.</p>",
                "<h2>Good habits</h2>",
                ul(
                    "Accept or decline within a day. Declining quickly is far better than accepting and "
                    "forgetting.",
                    "Book the review in your calendar as soon as you accept it, as you would any other piece of "
                    "work.",
                    "If something urgent comes up, tell the author and L&amp;D early, and say when you can finish, "
                    "or hand the task back so that someone else can be picked.",
                    "When the author resubmits after changes, re-review promptly and focus on what changed.",
                ),
                "<h2>Reminders and escalation</h2>",
                "<p>Guild sends you a reminder as the due date approaches, and another if it passes. If a review is "
                "well overdue, it is escalated to L&amp;D, who may reassign it. Escalation isn't a punishment; it "
                "exists so that courses don't get stuck. But if you are escalated often, take on fewer reviews.</p>",
                "<h2>Reviewing is recognised</h2>",
                "<p>Completed reviews earn points and count towards the reviewer badge, and your manager can see "
                "your contribution. More importantly, your review is what lets learners trust a course written by "
                "someone they have never met. It is real work, and it is valued as such.</p>",
            ),
            callout(
                "example",
                "<p>Camille accepted a review on Monday, then was pulled into an incident on Tuesday. She messaged "
                "the author that afternoon: “Sorry, I'm on an incident until Thursday. I can finish on Friday, or "
                "hand it back now if that's too late for your cohort.” The author asked her to hand it back, and "
                "another reviewer picked it up the same day.</p>",
            ),
        ),
    ],
)
