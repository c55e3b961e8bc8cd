from ._blocks import callout, code, course, lesson, question, text, ul

COURSE = course(
    slug="giving-feedback-that-lands",
    title="Giving feedback that lands",
    summary=(
        "Give feedback people can hear and act on: specific, timely and about behaviour rather than character. "
        "Covers a simple structure, praise that means something, feedback upwards, and receiving it well."
    ),
    level="beginner",
    skills=["Giving feedback", "Coaching"],
    authors=["zoe.gomez@example.com"],
    audience="Anyone who works with other people: managers, team leads and individual contributors alike.",
    lessons=[
        lesson(
            "why-feedback-goes-wrong",
            "Why feedback so often misses",
            "The common ways well-meant feedback fails: too vague, too late, wrapped in padding, or aimed at the "
            "person instead of the behaviour.",
            8,
            text(
                "<p>Almost everyone says they want more feedback, and almost everyone finds giving it "
                "uncomfortable. The discomfort pushes us towards habits that make feedback easier to give but "
                "harder to use.</p>",
                "<h2>Four common misses</h2>",
                ul(
                    "<b>Too vague.</b> “Great job” and “that could have gone better” leave the person guessing "
                    "what to repeat or change.",
                    "<b>Too late.</b> Feedback about a meeting three weeks ago arrives after the details have "
                    "faded, and can feel like it has been stored up.",
                    "<b>Padded.</b> The “feedback sandwich” (praise, criticism, praise) teaches people to brace "
                    "whenever you praise them, and the middle often gets lost.",
                    "<b>About character.</b> “You're disorganised” invites defence. “The report arrived after the "
                    "deadline we agreed, twice this month” invites a conversation.",
                ),
                "<h2>What we are aiming for</h2>",
                "<p>Feedback lands when the other person understands exactly what you observed, why it mattered, "
                "and believes you are telling them because you want them to succeed. That last part is not "
                "created in the moment. It is built over many small interactions in which you have been fair, "
                "specific and interested in their view.</p>",
                "<p>This is why regular, small, low-stakes feedback works so much better than occasional big "
                "conversations. If most of your feedback is quick, specific and often positive, the rare difficult "
                "message sits on a foundation of trust.</p>",
            ),
            callout(
                "tip",
                "<p>A useful test before you give feedback: could the person act on this tomorrow? If not, it is "
                "probably too vague or about the wrong thing.</p>",
            ),
            text(
                "<p>Finally, check your motive. Feedback given to vent frustration tends to show it. If you are "
                "annoyed, wait until you can describe the situation calmly; if it still matters then, it is worth "
                "raising.</p>",
            ),
        ),
        lesson(
            "situation-behaviour-impact",
            "A simple structure: situation, behaviour, impact",
            "Describe the situation, the specific behaviour and its impact, then ask for their view. With examples "
            "for both praise and improvement.",
            10,
            text(
                "<p>A structure helps most when the conversation feels awkward. The one we use at Acme has three "
                "parts and a question.</p>",
                ul(
                    "<b>Situation</b>: when and where. “In Tuesday's pricing review…”",
                    "<b>Behaviour</b>: what you saw or heard, as a camera would record it. No interpretation, no "
                    "adjectives about the person.",
                    "<b>Impact</b>: the effect it had on you, the team, the customer or the work.",
                    "<b>Ask</b>: “How did it look from your side?” and then listen.",
                ),
            ),
            code(
                "text",
                """
Improvement:
  "In Tuesday's pricing review, you answered the finance questions before
  Ana had finished asking them, three or four times. I think it meant we
  never heard her real concern about discounting, and we may need another
  meeting. How did it feel from where you were sitting?"

Praise:
  "Your summary at the top of the incident report - what happened, who was
  affected, what we've changed - meant the exec team signed off the fix in
  ten minutes without a meeting. That's exactly the format I'd like us to
  use every time."
""",
                "Two pieces of feedback with the same structure.",
            ),
            text(
                "<h2>Why the question matters</h2>",
                "<p>You saw one part of the situation. The other person may have context you lack: Ana had asked "
                "them to speed things up, or they had been told the meeting would be cut short. Asking turns "
                "feedback from a verdict into a conversation, and often gets you to the real cause faster.</p>",
                "<h2>Timing and setting</h2>",
                "<p>Give improvement feedback privately and soon, ideally within a day or two, once you are calm. "
                "Praise can be public if the person is comfortable with that, but specific praise in private is "
                "never wasted.</p>",
            ),
            callout(
                "warning",
                "<p>Avoid “always” and “never”. They are rarely literally true, and they invite the other person "
                "to find the exception instead of engaging with the pattern.</p>",
            ),
        ),
        lesson(
            "praise-and-upward-feedback",
            "Praise that means something, and feedback upwards",
            "Specific praise reinforces what good looks like. Feedback to your manager or peers uses the same "
            "structure with a little more care.",
            10,
            text(
                "<h2>Praise is feedback too</h2>",
                "<p>Specific praise is the most under-used tool a manager has. It tells people exactly what good "
                "looks like, so they do more of it, and it builds the trust that makes harder conversations "
                "possible. “Nice work” is pleasant; “the way you broke the migration into three reversible steps "
                "meant we could ship on Friday without worrying” is useful.</p>",
                "<p>Aim for far more positive feedback than corrective. Not as a formula, but because most of what "
                "good colleagues do is good, and people need to know which parts you noticed.</p>",
                "<h2>Feedback to your manager</h2>",
                "<p>Giving feedback upwards feels riskier, so make it easy to hear. Ask first (“Could I give you "
                "some feedback on yesterday's all-hands?”), keep to one point, and use the same structure. Frame it "
                "around shared goals: “I want the team to feel they can ask questions, and I noticed…”</p>",
                "<p>If you are a manager, make it safe for your team to do this. Ask for feedback regularly and "
                "specifically (“What's one thing I could do differently in our planning meetings?”), thank people "
                "for it, and let them see you act on it.</p>",
                "<h2>Feedback to peers</h2>",
                "<p>Peers have no authority over each other, so feedback works best when it is clearly offered "
                "rather than imposed: “Would it be useful if I shared something I noticed in the demo?” Accept a "
                "“not now”.</p>",
            ),
            callout(
                "example",
                "<p>Jonas wanted his manager to stop rewriting his emails to customers. He said: “When you edited "
                "my reply to Northwind on Monday after I'd sent it, the customer got two versions and asked which "
                "was right. Could we agree that you'll comment on drafts and I'll send?” His manager agreed, and "
                "thanked him for raising it.</p>",
            ),
        ),
        lesson(
            "receiving-and-following-through",
            "Receiving feedback and following through",
            "How to receive feedback without defending, how to follow up after giving it, and a short quiz.",
            12,
            text(
                "<p>How you receive feedback shapes how much of it you get. If people see you argue, explain or "
                "go quiet for a week, they will stop telling you things, and you will lose one of the best sources "
                "of information about your own work.</p>",
                "<h2>Receiving well</h2>",
                ul(
                    "Listen to the end, and ask questions to understand: “Can you give me an example?”",
                    "Thank the person. It cost them something to say it.",
                    "You don't have to agree on the spot. “Let me think about that” is a fine answer.",
                    "Come back later and say what you decided to do, even if it is “not change this, and here's "
                    "why”.",
                ),
                "<h2>Following through after giving feedback</h2>",
                "<p>Feedback is the start of a change, not the end. Agree what a good next step looks like, and "
                "notice when it happens: specific praise for the new behaviour is what makes it stick. If nothing "
                "changes, raise it again with the new examples. Keep brief private notes so that you aren't "
                "relying on memory.</p>",
                "<h2>When to coach instead</h2>",
                "<p>Sometimes the person already knows something went wrong. Then a coaching question works better "
                "than your observations: “How do you think the review went? What would you do differently?” "
                "People remember their own insights far longer than ours.</p>",
            ),
            callout(
                "tip",
                "<p>Try this for a fortnight: after each 1:1, write down one piece of specific feedback you gave "
                "and one you received. If either list stays empty, that tells you something. Small, frequent "
                "feedback is a habit, and habits need a little tracking before they become automatic.</p>",
            ),
            question(
                "Which is the best example of describing behaviour rather than character?",
                [
                    ("“You're not a team player.”", False,
                     "This is a judgement about the person. It is hard to act on and likely to provoke defence."),
                    ("“You didn't reply to the three review requests in the team channel this week.”", True,
                     "Right. It is specific and observable, so the person can see exactly what to change."),
                    ("“You seem not to care about the project.”", False,
                     "This guesses at feelings and motives you can't observe."),
                ],
                "Describe what a camera would record; leave interpretation out.",
            ),
            question(
                "Why do we suggest avoiding the praise-criticism-praise “sandwich”?",
                [
                    ("People learn to brace whenever they are praised.", True,
                     "Yes. Praise starts to sound like a warning, which devalues it."),
                    ("The important message can get lost in the middle.", True,
                     "Yes. People often remember the kind words and miss the point."),
                    ("Praise should never be given in the same conversation as criticism.", False,
                     "Not so. Both can appear together when both are genuine and specific; the problem is "
                     "using praise as padding."),
                ],
                "Keep praise and improvement feedback genuine and separate in purpose.",
            ),
            question(
                "A colleague gives you feedback you think is unfair. What is the best first response?",
                [
                    ("Explain why they have misunderstood the situation.", False,
                     "Defending straight away signals that feedback isn't welcome, and you may miss something."),
                    ("Ask for an example, thank them and say you'll think about it.", True,
                     "Right. You understand it better, keep the door open and can decide calmly what to do."),
                    ("Say nothing and avoid them for a while.", False,
                     "Withdrawal damages trust and means you never test whether the feedback had a point."),
                ],
                "Listen, ask, thank, and decide later; then tell them what you decided.",
            ),
        ),
    ],
)
