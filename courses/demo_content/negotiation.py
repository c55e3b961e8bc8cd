from ._blocks import callout, code, course, lesson, ol, question, text, ul

COURSE = course(
    slug="negotiation-basics",
    title="Negotiation basics",
    summary=(
        "Prepare properly, trade rather than concede, and handle objections without caving or digging in. "
        "Practical negotiation for renewals, new deals and internal agreements."
    ),
    level="beginner",
    skills=["Negotiation", "Handling objections"],
    authors=["femi.garcia@example.com"],
    audience="Account executives and customer success managers, and anyone who agrees terms with suppliers.",
    lessons=[
        lesson(
            "prepare-before-you-talk",
            "Preparation does most of the work",
            "Know your interests and theirs, your alternative to a deal, your walk-away point and your target "
            "before the conversation starts.",
            12,
            text(
                "<p>Most negotiations are won or lost before anyone speaks. The person who has thought harder "
                "about what both sides need, and what happens if there is no deal, has a quiet advantage that "
                "no clever phrasing can match.</p>",
                "<h2>Positions and interests</h2>",
                "<p>A <b>position</b> is what someone says they want: “We need 20% off.” An <b>interest</b> is "
                "why they want it: their budget was cut, they must show savings to their finance director, or they "
                "doubt they'll use every seat. Positions often conflict; interests frequently don't. If the real "
                "interest is showing savings this year, a longer contract at a lower annual rate might satisfy it "
                "without a headline discount.</p>",
                "<h2>Your alternative and your limits</h2>",
                "<p>Your best alternative to a negotiated agreement (often shortened to BATNA) is what you will do "
                "if this deal doesn't happen. The better your alternative, the less you need this particular deal, "
                "and the more calmly you can negotiate. Think about the other side's alternative too: what would "
                "they do without us, and what would it cost them to switch?</p>",
                "<p>From your alternative, set a <b>walk-away point</b> (the least you will accept) and an "
                "ambitious but defensible <b>target</b>. Write both down beforehand; decisions made under "
                "pressure in the room are rarely your best.</p>",
            ),
            code(
                "text",
                """
Renewal prep - Northwind (120 seats, renews 1 March)
Their interests:  cut cost this year; keep the analytics add-on; less admin
Our interests:    keep the account; multi-year term; a reference case study
Their alternative: move to a cheaper competitor (migration ~3 months of effort)
Our walk-away:    no more than 8% off list for a one-year term
Our target:       two-year term at 5% off, with the case study
Tradeables:       payment terms, seat count, onboarding days, contract length
""",
                "A one-page preparation sheet. Share it with anyone joining the call.",
            ),
            callout(
                "tip",
                "<p>Can't fill in their interests? That is your first agenda item. Ask open questions early in the "
                "conversation, before any numbers are on the table.</p>",
            ),
        ),
        lesson(
            "trading-value",
            "Trade, don't concede",
            "Every concession should buy something. Use “if… then…” offers, negotiate several variables at once, "
            "and be deliberate about the first number.",
            12,
            text(
                "<p>A concession given for nothing teaches the other side that pushing works, and invites the "
                "next push. A trade (“we can do this if you can do that”) keeps value flowing both ways and "
                "signals that your terms are not arbitrary.</p>",
                "<h2>Use conditional offers</h2>",
                "<p>Phrase movement as a condition first, then the offer: “<i>If</i> you can commit to two years, "
                "<i>then</i> we could bring the annual price down by 5%.” Putting the condition first means the "
                "other person hears what they must give before they start banking what they get.</p>",
                "<h2>Negotiate a package, not one number</h2>",
                "<p>When price is the only variable, every gain for one side is a loss for the other. Bring other "
                "variables in: contract length, payment terms, number of seats, start date, onboarding support, "
                "a case study. Different things matter differently to each side, which is where value is created. "
                "Onboarding days may be cheap for us and valuable to them; early payment may be easy for them and "
                "useful to us.</p>",
                "<h2>The first number</h2>",
                "<p>First offers act as anchors: later discussion tends to move around them. That is a reason to "
                "prepare a realistic but ambitious opening and to state it with its rationale, not a reason to "
                "open with something absurd, which costs you credibility. If they anchor first, don't negotiate "
                "from their number: acknowledge it, then restate your own with your reasoning.</p>",
            ),
            callout(
                "warning",
                "<p>Avoid splitting the difference by reflex. It rewards whoever opened more extremely, and it "
                "usually means neither side has explored what the other actually values.</p>",
            ),
            text(
                "<p>Keep track of what has been offered on each variable as you go. A simple table in your notes "
                "stops you accidentally giving the same thing twice.</p>",
            ),
        ),
        lesson(
            "handling-objections",
            "Handling objections",
            "Treat objections as information. Listen, acknowledge, clarify the real concern, then respond. "
            "With a short quiz.",
            12,
            text(
                "<p>An objection is not a rejection. “It's too expensive”, “We're happy with what we have”, or "
                "“Now isn't a good time” usually mean the person has a concern they haven't fully explained yet. "
                "Responding to the words rather than the concern is how conversations stall, or end in a discount "
                "that didn't need to be given.</p>",
                "<h2>A four-step approach</h2>",
                ol(
                    "<b>Listen</b> to the whole objection without interrupting or preparing your rebuttal.",
                    "<b>Acknowledge</b> it genuinely: “That's a fair concern, and a big commitment to make.”",
                    "<b>Clarify</b> what is behind it: “When you say too expensive, is that compared with another "
                    "option, or against the budget you have this year?”",
                    "<b>Respond</b> to the concern you have uncovered, with evidence where you can, then check: "
                    "“Does that address it?”",
                ),
                "<h2>Price objections</h2>",
                "<p>“Too expensive” can mean over budget, poor value, or a negotiating habit. Each needs a "
                "different answer: budget can be met with phasing or a smaller start; value with the customer's "
                "own numbers from discovery; habit with a calm restatement of the value and an offer to trade, "
                "not to discount.</p>",
                "<h2>“We need to think about it”</h2>",
                "<p>Respect it, and make the next step concrete: “Of course. What will you need to look at, and "
                "who else is involved? Could we hold twenty minutes on Thursday to go through any questions?”</p>",
            ),
            callout(
                "tip",
                "<p>Keep a shared list of the objections your team hears most, with the questions that uncovered "
                "the real concern and the answers that helped. Reviewing it before a big call is far better "
                "preparation than improvising, and new colleagues learn from it quickly.</p>",
            ),
            question(
                "A customer says “It's too expensive.” What is the best next step?",
                [
                    ("Offer a 10% discount to keep the deal moving.", False,
                     "You don't yet know what the concern is, and an unearned concession invites more pushing."),
                    ("Ask what they are comparing it with, or what budget they have in mind.", True,
                     "Right. Clarifying tells you whether it is budget, value or habit, which need different answers."),
                    ("Explain again why the product is worth the price.", False,
                     "Repeating your case without understanding theirs often sounds like not listening."),
                ],
                "Clarify the real concern before responding to an objection.",
            ),
            question(
                "Which is the best way to offer a lower annual price?",
                [
                    ("“We can reduce the price by 5%.”", False,
                     "This is a free concession; nothing comes back to you."),
                    ("“If you commit to a two-year term, then we can reduce the annual price by 5%.”", True,
                     "Right. A conditional offer trades value, with the condition heard first."),
                    ("“What would it take for you to sign today?”", False,
                     "This invites them to name a concession without offering any structure or trade."),
                ],
                "Trade, don't concede: attach every move to something you get in return.",
            ),
            question(
                "What does a strong alternative to a deal (BATNA) give you?",
                [
                    ("The confidence to walk away from a poor deal.", True,
                     "Yes. Knowing what happens without a deal sets a rational walk-away point."),
                    ("A guarantee that the other side will accept your terms.", False,
                     "No. It strengthens your position but guarantees nothing about their choice."),
                    ("Less pressure to concede in the room.", True,
                     "Yes. You need this particular deal less, so you can negotiate calmly."),
                ],
                "Your alternative sets your limits and your composure; improve it before you negotiate.",
            ),
        ),
        lesson(
            "closing-and-follow-up",
            "Closing well and keeping the relationship",
            "Summarise what has been agreed, put it in writing quickly, and remember that most negotiations are "
            "with people you will work with again.",
            8,
            text(
                "<p>Deals slip in the gap between “great, we're agreed” and the signed contract. Memories differ, "
                "new people join the conversation, and priorities shift. Close that gap deliberately.</p>",
                "<h2>Summarise out loud</h2>",
                "<p>Before the call ends, summarise every term agreed, including the small ones: price, term, "
                "seats, start date, payment terms, what each side will do next and by when. Misunderstandings "
                "surface here, while everyone is still present, rather than in a follow-up email a week later.</p>",
                "<h2>Write it down the same day</h2>",
                "<p>Send a short written summary within hours, and ask the other side to confirm it. Update the "
                "CRM with the agreed terms and the reasoning for any concession, so that whoever handles the next "
                "renewal knows why the numbers are what they are.</p>",
                "<h2>The relationship outlasts the deal</h2>",
                ul(
                    "You will negotiate with most customers and suppliers again. A deal the other side feels "
                    "cheated by costs you at the next renewal.",
                    "Keep your word on every small commitment; it is what makes your larger ones credible.",
                    "If you walked away, do it courteously and leave the door open. Circumstances change, and so do budgets.",
                ),
                "<p>Afterwards, spend ten minutes on a short review. What did you learn about their interests? "
                "Which trade worked? Which objection surprised you? What would you prepare differently? These notes make you noticeably better "
                "within a handful of negotiations.</p>",
            ),
            callout(
                "note",
                "<p>Discounts above your own approval limit need sign-off from your sales manager before you offer "
                "them, not after. Check the current limits in the deal desk guidance before the call.</p>",
            ),
        ),
    ],
)
