from ._blocks import callout, course, lesson, ol, question, text, ul

COURSE = course(
    slug="running-effective-1-1s",
    title="Running effective 1:1s",
    summary=(
        "Turn the weekly 1:1 from a status update into the most useful half hour of your report's week: "
        "what the meeting is for, how to structure it, and how to handle the conversations that matter."
    ),
    level="beginner",
    skills=["Running 1:1s", "Giving feedback", "Coaching"],
    authors=["sami.yilmaz@example.com"],
    co_authors=["expert@example.com"],
    audience="New and recently promoted people managers, and team leads who hold regular 1:1s.",
    lessons=[
        lesson(
            "what-a-1-1-is-for",
            "What a 1:1 is for",
            "The 1:1 belongs to your report, not to you. Why that matters, and what it changes about cadence and tone.",
            8,
            text(
                "<p>Most new managers inherit a 1:1 that is really a status meeting with one attendee. You ask what "
                "they worked on, they tell you, you both feel vaguely productive, and nothing changes. Status belongs "
                "in the team's board, the stand-up or a written update. The 1:1 is for the things that don't fit "
                "anywhere else: how the work is going for the <i>person</i>, what is getting in their way, where "
                "they want to grow, and what they need from you.</p>",
                "<h2>Their meeting, not yours</h2>",
                "<p>The simplest shift you can make is to treat the 1:1 as your report's meeting. They set most of "
                "the agenda; you bring a few items of your own. This does two things. It signals that their concerns "
                "are the point, and it moves the work of noticing problems to the person closest to them. Your job "
                "is to make it safe and worthwhile to raise things early, while they are still small.</p>",
                "<h2>Cadence and length</h2>",
                "<p>Weekly for 30 minutes is a good default for a new report or a new manager. Fortnightly can work "
                "for experienced people who see you often anyway, but go below that and the meeting stops being a "
                "habit and becomes an event, which makes hard topics feel heavier to raise. Keep the slot at the same "
                "time each week so neither of you has to negotiate it.</p>",
            ),
            callout(
                "tip",
                "<p>If you only change one thing this week: at the start of your next 1:1, ask "
                "<i>“What would make this half hour most useful for you?”</i> and then let them answer.</p>",
            ),
            text(
                "<h2>What good looks like</h2>",
                ul(
                    "Your report talks for most of the time; you ask, listen and summarise.",
                    "Problems surface in the 1:1 before they surface in a retrospective or an exit interview.",
                    "Both of you can name what you agreed last time, and whether it happened.",
                    "Over a quarter, the topics span the work, the team, their growth and how they are doing.",
                ),
                "<p>None of this needs a special format. It needs consistency and your full attention: laptop "
                "closed, notifications off, and no rescheduling unless something is genuinely on fire.</p>",
            ),
        ),
        lesson(
            "structure-and-agenda",
            "A simple structure and a shared agenda",
            "A shared running document, a light three-part structure and a handful of questions that open up real "
            "conversation.",
            10,
            text(
                "<p>Structure helps, as long as it stays light. The aim is to make sure the important things get "
                "time without turning the 1:1 into a form to be filled in.</p>",
                "<h2>Keep one running document</h2>",
                "<p>Create a single shared document per report, newest meeting at the top. Both of you add topics "
                "during the week as they occur to you. Under each date keep three short headings: <b>Topics</b>, "
                "<b>Notes</b> and <b>Agreed actions</b> (with an owner each). The document becomes a record of the "
                "relationship: when review time comes, you won't be relying on memory of the last fortnight.</p>",
                "<h2>A three-part shape</h2>",
                ol(
                    "<b>Their topics first</b> (about two thirds of the time). Start with whatever they added.",
                    "<b>Your topics</b>: context they need, feedback, decisions that affect them.",
                    "<b>Look back and look ahead</b>: check last time's actions and write down this time's.",
                ),
                "<p>If they arrive with nothing on the list, don't fill the silence with status questions. Use one "
                "of the questions below, and wait longer than feels comfortable for the answer.</p>",
            ),
            callout(
                "example",
                "<p>Questions that tend to open things up:</p>",
                ul(
                    "What's taking more energy than it should at the moment?",
                    "If you could change one thing about how the team works, what would it be?",
                    "What's something you'd like to be doing more of in six months?",
                    "Is there anything you need from me that you're not getting?",
                    "How are you, really? (Then stop talking.)",
                ),
            ),
            text(
                "<h2>Notes and actions</h2>",
                "<p>Write actions as a verb, an owner and a date: “Sami to ask Finance about the training budget by "
                "Friday”. Vague actions (“look into training”) are how 1:1s lose credibility. Keep your private "
                "observations, such as concerns about performance, out of the shared document; that is a separate "
                "conversation with its own record.</p>",
            ),
            callout(
                "note",
                "<p>If a topic needs more than ten minutes of problem solving, agree to book a separate working "
                "session. The 1:1 is for deciding what matters, not for doing all of it.</p>",
            ),
        ),
        lesson(
            "conversations-that-matter",
            "Coaching, feedback and the harder conversations",
            "How to coach rather than solve, where feedback fits, and what to do when a 1:1 turns to wellbeing or "
            "performance.",
            12,
            text(
                "<p>Once 1:1s are a habit, people will bring you real problems. Your instinct, especially if you "
                "were promoted for being good at the work, will be to solve them. Sometimes that is right. More "
                "often the better move is to help your report solve it themselves, because they will then be able "
                "to do it again without you.</p>",
                "<h2>Coach first, advise second</h2>",
                "<p>A useful sequence is: understand the situation, ask what they have already tried or considered, "
                "ask what they think the options are, and only then offer your view if it adds something. Questions "
                "such as “What would you do if I weren't here?” or “What's the smallest next step?” keep the "
                "ownership with them. If they are stuck and the stakes are high, say so plainly and give advice; "
                "coaching is not withholding help.</p>",
                "<h2>Feedback belongs here too</h2>",
                "<p>The 1:1 is the natural place for feedback in both directions. Give it close to the event, "
                "describe the specific behaviour and its effect, and ask for their view. Ask for feedback on your "
                "own management regularly; you will get honest answers only after you have shown, several times, "
                "that you act on them without defensiveness.</p>",
            ),
            callout(
                "warning",
                "<p>If someone tells you something that suggests a risk to their safety or health, or describes "
                "harassment or discrimination, don't try to handle it alone. Listen, thank them, tell them honestly "
                "what you will need to do next, and contact your People partner the same day.</p>",
            ),
            text(
                "<h2>When performance is the topic</h2>",
                "<p>Concerns about performance should never first appear in a formal review. Raise them early in "
                "the 1:1, with examples, and agree what good looks like and by when. Record it in your own notes. "
                "If the concern persists for more than a few weeks, talk to your People partner about a structured "
                "plan; the 1:1 keeps the human conversation going alongside it.</p>",
                "<h2>Wellbeing without prying</h2>",
                "<p>You are not a therapist, and you don't need to be. Notice changes, ask open questions, offer "
                "flexibility where you can, and point to the support the company offers. Respect a “fine, thanks” "
                "but leave the door open: “If that changes, I'd like to know.”</p>",
            ),
        ),
        lesson(
            "keeping-1-1s-going",
            "Keeping 1:1s going, and a quick check",
            "Rescheduling, remote 1:1s, skip-levels and the small habits that keep the meeting valuable over a year, "
            "followed by a short quiz.",
            10,
            text(
                "<p>The hardest part of 1:1s is not the first month; it is month eight, when the novelty has gone "
                "and a release deadline is looming. Protect the habit with a few rules you keep yourself.</p>",
                ul(
                    "<b>Move, don't cancel.</b> If you must move a 1:1, offer a new time in the same week. Repeated "
                    "cancellation tells people they are the first thing to go when you are busy.",
                    "<b>Let them cancel.</b> If your report has nothing to discuss and says so, accept it "
                    "gracefully once in a while. It is their meeting.",
                    "<b>Remote needs cameras and a little more structure.</b> Use the shared document on screen, and "
                    "start with a few minutes of conversation: you lose the corridor chats that would otherwise "
                    "carry that.",
                    "<b>Review the format every quarter.</b> Ask “Is this meeting working for you? What would you "
                    "change?” and act on the answer.",
                ),
                "<p>Finally, read back through the shared document every few months. Look for themes: topics that "
                "keep recurring without resolution, actions that are always yours and always late, or a report who "
                "never raises anything about their growth. Those patterns tell you more than any single meeting "
                "does.</p>",
                "<h2>Skip-level 1:1s</h2>",
                "<p>If you manage managers, hold a skip-level 1:1 with each of their reports once a quarter or so. "
                "The purpose is to hear how the team is doing from the people in it, not to go around their "
                "manager. Say so at the start, keep confidences unless there is a safety issue, and feed themes "
                "(not names) back to the manager. Ask broad questions: what is working well, what would they "
                "change, and what do they wish leadership understood about their work.</p>",
            ),
            question(
                "Your report arrives at the 1:1 with nothing on the agenda. What is the most useful thing to do?",
                [
                    ("Ask for a run-through of everything they worked on this week.", False,
                     "That turns the meeting back into a status update, which the board and stand-up already cover."),
                    ("Ask an open question such as “What's taking more energy than it should?” and wait.", True,
                     "Right. An open question, followed by patient silence, gives them room to raise what matters."),
                    ("End the meeting early to give them the time back.", False,
                     "Occasionally fine if they ask, but doing it by default teaches both of you that the slot is "
                     "optional."),
                ],
                "An empty agenda is an invitation to ask better questions, not a sign the meeting isn't needed.",
            ),
            question(
                "Which of these belong in the shared 1:1 document?",
                [
                    ("Topics either of you wants to discuss.", True,
                     "Yes: adding topics during the week is what makes the agenda theirs."),
                    ("Agreed actions with an owner and a date.", True,
                     "Yes: specific actions are how the 1:1 builds trust over time."),
                    ("Your private concerns about their performance.", False,
                     "No. Raise concerns directly and keep your working notes separately; a shared document is the "
                     "wrong place to record them first."),
                    ("Short notes of what you discussed.", True,
                     "Yes: a brief record saves you from relying on memory at review time."),
                ],
                "The shared document is a joint record of topics, notes and actions. Sensitive notes live elsewhere.",
            ),
            question(
                "A report brings you a problem you know how to solve. What should you usually do first?",
                [
                    ("Tell them the answer so they can get on with it.", False,
                     "Sometimes right when the stakes are high, but as a habit it keeps them dependent on you."),
                    ("Ask what they have already tried and what options they see.", True,
                     "Right. Coaching first builds their judgement; you can still add your view afterwards."),
                    ("Take the problem off their hands.", False,
                     "This feels helpful but removes their ownership and adds to your load."),
                ],
                "Coach first, advise second: understand, ask about options, then add your view if it helps.",
            ),
        ),
    ],
)
