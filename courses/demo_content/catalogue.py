"""Learning paths, a running cohort and the course templates L&D admins offer to experts."""

PATHS = [
    {
        "slug": "data-analyst-foundations",
        "title": "Data analyst foundations",
        "intro": (
            "<p>The core of the analyst role at Acme: getting reliable answers out of the warehouse and handling "
            "the personal data in it responsibly. Take the courses in order; each builds on the last.</p>"
        ),
        "courses": ["sql-for-analysts", "data-privacy-in-practice", "security-awareness"],
        "skills": ["SQL", "Data visualisation", "Data privacy", "Security awareness"],
    },
    {
        "slug": "new-manager-essentials",
        "title": "New manager essentials",
        "intro": (
            "<p>For your first three months as a people manager. Start with 1:1s, because everything else "
            "happens inside them, then learn to give feedback people can act on.</p>"
        ),
        "courses": ["running-effective-1-1s", "giving-feedback-that-lands"],
        "skills": ["Running 1:1s", "Giving feedback", "Coaching"],
    },
    {
        # The SME academy (sme.academy): every new expert is enrolled in it.
        "slug": "sme-academy",
        "title": "SME academy",
        "intro": (
            "<p>For colleagues who have just joined the expert community. Learn how we scope and write short "
            "courses, then how to review a colleague's course so that it gets better and they want to write "
            "another.</p>"
        ),
        "courses": ["writing-a-great-guild-course", "reviewing-a-colleagues-course"],
        "skills": ["Writing clearly", "Facilitation", "Code review"],
    },
]

COHORTS = [
    {
        "slug": "spring-new-managers",
        "name": "Spring new managers",
        "course": "running-effective-1-1s",
        "starts_in_days": -5,
        "length_days": 28,
        "members": [
            "learner@example.com",
            "manager@example.com",
            "grace.ito@example.com",
            "jonas.diallo@example.com",
            "camille.tanaka@example.com",
        ],
        "facilitator": "sami.yilmaz@example.com",
        # Days from today; a past session has its attendance taken (who was absent).
        "sessions": [
            {"title": "Kick-off: what a good 1:1 is for", "in_days": -3, "hour": 10, "minutes": 90,
             "location": "Room 4.2, Lisbon office", "absent": ["camille.tanaka@example.com"]},
            {"title": "Practice: the difficult conversation", "in_days": 4, "hour": 14, "minutes": 60,
             "location": "Room 4.2, Lisbon office"},  # no video link: the demo runs air-gapped
        ],
    },
]

TEMPLATES = [
    {
        "slug": "skill-course",
        "name": "Skill course",
        "description": "For teaching one practical skill that people use in their day-to-day work.",
        "lessons": [
            {
                "title": "Why it matters",
                "guidance": (
                    "<p>Name the job outcome this course improves, and who it is for. Describe a situation the "
                    "learner will recognise from their own week, and what goes wrong without the skill. Keep it "
                    "under 300 words: the learner should want to read on.</p>"
                ),
            },
            {
                "title": "Core ideas",
                "media": ["image"],
                "guidance": (
                    "<p>Explain the two to four ideas that do most of the work. One idea per heading, each with a "
                    "short example. Leave out anything the learner won't use in the next month.</p>"
                ),
            },
            {
                "title": "Worked example",
                "media": ["video", "document"],
                "guidance": (
                    "<p>Walk through one realistic example from start to finish, taken from our own work and "
                    "anonymised where needed. Show the reasoning, including a wrong turn and how to spot it.</p>"
                ),
            },
            {
                "title": "Practice quiz",
                "guidance": (
                    "<p>Write two to four questions that test decisions, not recall of wording. Every answer needs "
                    "feedback explaining why it is right or wrong; plausible wrong answers should reflect real "
                    "mistakes people make.</p>"
                ),
            },
            {
                "title": "Apply it at work",
                "guidance": (
                    "<p>Give the learner one small thing to try this week, and a way to tell whether it worked. "
                    "Suggest who they could ask for help or feedback.</p>"
                ),
            },
        ],
        "checklist": [
            "The course is scoped around one job outcome, stated in the first lesson",
            "Facts, figures and screenshots are accurate and current",
            "Examples come from our own work and contain no personal or customer data",
            "Every quiz question has feedback for each answer",
            "Lessons are short (about 5-15 minutes each) and use plain language",
            "The last lesson gives the learner something to do at work",
        ],
    },
    {
        "slug": "compliance-course",
        "name": "Compliance course",
        "description": "For policies everyone must follow, with an assessment and a certificate that expires.",
        "lessons": [
            {
                "title": "The policy in plain words",
                "media": ["document"],
                "guidance": (
                    "<p>Summarise what the policy requires and why it exists, in plain language, in under 400 "
                    "words. Say who it applies to and what happens if it is not followed. Refer to the full "
                    "policy by name and version instead of copying it.</p>"
                ),
            },
            {
                "title": "What to do",
                "guidance": (
                    "<p>List the specific behaviours the policy expects, each with a short example from everyday "
                    "work. Include who to contact and how to report a problem.</p>"
                ),
            },
            {
                "title": "What not to do",
                "guidance": (
                    "<p>Describe the common ways people break the policy without meaning to. Explain the risk "
                    "each creates so that the rule makes sense.</p>"
                ),
            },
            {
                "title": "Scenarios",
                "media": ["video"],
                "guidance": (
                    "<p>Write three or four realistic situations where the right action is not obvious. Show the "
                    "reasoning to reach the right choice, not just the answer.</p>"
                ),
            },
            {
                "title": "Assessment",
                "guidance": (
                    "<p>Write questions that test the decisions from the scenarios. Set the pass mark on the "
                    "course settings, and give every answer feedback that points back to the relevant lesson.</p>"
                ),
            },
        ],
        "checklist": [
            "Legal or the policy owner has signed off the content and the version it reflects",
            "The policy summary matches the current published policy",
            "Every quiz question has feedback for each answer",
            "The pass mark and certificate validity are set and agreed with the policy owner",
            "Reporting routes and contacts are correct",
            "Scenarios reflect real situations without naming real people",
        ],
    },
    {
        "slug": "onboarding-course",
        "name": "Onboarding course",
        "description": "For helping new joiners find their way around a team, a tool or the company.",
        "lessons": [
            {
                "title": "Welcome and what to expect",
                "guidance": (
                    "<p>Greet the new joiner, say what this course covers and how long it takes, and set "
                    "expectations for their first weeks. Keep the tone warm and specific.</p>"
                ),
            },
            {
                "title": "How things work here",
                "media": ["image"],
                "guidance": (
                    "<p>Explain the few routines and tools they will use daily, and where to find more. Prefer "
                    "names of channels, spaces and people's roles over long descriptions.</p>"
                ),
            },
            {
                "title": "Your first tasks",
                "guidance": (
                    "<p>List concrete first tasks with an order and a rough time for each. Say what done looks "
                    "like and who to ask if they get stuck.</p>"
                ),
            },
            {
                "title": "Check your understanding",
                "guidance": (
                    "<p>Two or three light questions on the things that would cause real trouble if missed. "
                    "Feedback should reassure and point to where to look.</p>"
                ),
            },
        ],
        "checklist": [
            "Names of tools, channels and contacts are current",
            "Nothing assumes knowledge a new joiner won't have yet",
            "First tasks are concrete and have an owner to ask for help",
            "Every quiz question has feedback for each answer",
            "The course can be finished in the first week",
        ],
    },
]
