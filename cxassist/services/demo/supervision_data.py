"""The word lists behind what supervisors see in the demo: review comments and kudos, duty-of-care outcomes, customer
feedback, friction points and prompt suggestions, and which prompts of the default pack a contact would have shown.
Plain data, laid out by hand (`fmt: off`); `supervision.py` draws from it.

Everything here is written the way a good supervisor writes to an agent: specific, kind, and about the caller
(CX-PRINCIPLES.md). Names in braces are filled in: {agent} (the agent's first name), {name} (the caller's).
"""

from __future__ import annotations

from cxassist.domain.models import Outcome

F, M, X = Outcome.FAILED, Outcome.MET, Outcome.EXCEEDED

# fmt: off
PACK_VERSION = "default@1"  # as the workspace records it: `services.prompts.pack_version`, "<pack name>@<version>"
PROMPTS_SINCE_DAYS = 90  # prompts went live then: older contacts have no prompt events
# How likely a prompt shown is then used or dismissed, by the rule id's first word.
PROMPT_USE = {
    "care": (0.7, 0.06), "empathy": (0.6, 0.1), "context": (0.5, 0.12), "greet": (0.55, 0.1),
    "plain": (0.45, 0.15), "delight": (0.35, 0.25), "closing": (0.5, 0.2),
}
PROMPT_USE_BY_OUTCOME = {F: -0.2, M: 0.0, X: 0.15}  # agents who took the prompts up did better
DISMISS_WEIGHTS = (5, 3, 2)  # of services.prompts.DISMISS_REASONS, in order
# Prompts an emergency call's note would have cued, by the call's reason (reasons.EMERGENCIES).
EMERGENCY_PROMPTS = {
    "Caller fell at home": "care-cue-medical",
    "Caller unwell on the call": "care-cue-confusion",
    "Caller in distress": "care-cue-distress",
}

REVIEW_SHARE_RECENT = 0.3  # of contacts in the last REVIEW_RECENT_DAYS that a supervisor reviewed
REVIEW_SHARE_OLDER = 0.04
REVIEW_RECENT_DAYS = 120
KUDOS_SHARE = 0.4  # of reviewed contacts that exceeded the caller's expectations
SCORE_BY_OUTCOME = {F: 2.6, M: 3.8, X: 4.6}  # the mean score of a criterion; each agent has a strength
REVIEW_COMMENTS = {
    F: (
        "The caller left without an answer. You owned it and promised a callback, which was right; next time say "
        "when you will call, and put it in the follow-up so the team can keep the promise if you are off.",
        "You were polite throughout, but the caller had to explain the problem twice. Read the history before "
        "asking: it was all in the last note.",
        "Hard call, and you stayed calm. The refund rules got in the way; I have raised them as friction. Let us "
        "listen back to the middle part together on Thursday.",
    ),
    M: (
        "Clear and friendly; sorted at the first contact. Confirm by the caller's preferred channel before you "
        "close, and it is a five.",
        "Good use of the history: you knew about the last call before the caller mentioned it.",
        "Plain words throughout, and you checked the caller understood what happens next. Nicely done.",
        "Sorted quickly and well. A little rushed at the end; there was no queue, so take the time.",
    ),
    X: (
        "Warm from the first word, and you followed through before the caller had to ask.",
        "You noticed what was not said and asked about it. That is the job done properly.",
        "You found the way to say yes instead of the rule that says no. Exactly what we want.",
    ),
}
KUDOS = (
    "{name} said you were the first person who listened. Thank you, {agent}.",
    "You took your time, explained every step and rang back when you said you would. Lovely work, {agent}.",
    "Thank you for sorting this in one call when the caller expected three. That is what people remember.",
    "You spotted that {name} was struggling and slowed right down. Kind and professional; thank you.",
)

DUTY_RECENT_DAYS = 10  # flagged contacts older than this have a duty-of-care outcome; newer ones mostly wait
DUTY_RECENT_DONE = 0.3
# (outcome, comment) for a contact with a vulnerable caller, and for one where emergency mode was used
DUTY_VULNERABLE = (
    ("no-action", "Listened back: the adjustments on the record were followed. Nothing more needed."),
    ("no-action", "Agent spoke slowly and confirmed each step, as the record asks. No concerns."),
    ("no-action", "Call went well; the caller was in good spirits. Nothing to add."),
    ("follow-up-needed", "Caller sounded worried about money; asked the agent to send the free debt advice details "
     "and ring in a week."),
    ("referred", "With the caller's consent, referred to the specialist support team for a call this week."),
)
DUTY_VULNERABLE_WEIGHTS = (5, 4, 3, 2, 1)
DUTY_EMERGENCY = (
    ("follow-up-needed", "Listened back: calm, clear and quick. Asked the agent to ring the next day to see how "
     "they are."),
    ("referred", "Referred to the welfare team for a check-in call; the call itself was handled very well."),
    ("no-action", "The emergency contact rang the next day to say they are home and recovering. Thanked the agent."),
)

VULNERABILITY_REVIEW_AFTER_DAYS = 30  # a review date passed longer ago than this has mostly been dealt with
VULNERABILITY_REVIEWED = 0.85
VULNERABILITY_KEPT_WAITING = 2  # ... but the first two such wait, so even a small demo has old ones in the queue
VULNERABILITY_REVIEWS = (  # (outcome, comment); the next review is a year on
    ("no-action", "Rang to check in: the need and the adjustments on the record still apply, with the caller's "
     "consent. Next review in a year."),
    ("no-action", "Spoke to the caller: things are much the same and the adjustments still help. Kept as it is."),
    ("follow-up-needed", "Caller says things are harder since the last review; asked the agent to update the "
     "adjustments with them this week."),
)
VULNERABILITY_REVIEW_WEIGHTS = (5, 3, 1)

FEEDBACK_RECENT_DAYS = 60  # compliments come in about contacts this recent
COMPLIMENT_SHARE = 0.08  # of reviewed-or-not contacts that exceeded expectations, after the first two
COMPLIMENTS = (  # (channel it came by, words)
    ("email", "Please thank {agent} for sorting my card out so quickly, and for being so patient with me."),
    ("phone", "{name} rang back just to say how kind {agent} had been, and asked for it to be passed on."),
    ("web", "Best customer service I have had in years. {agent} explained everything in plain English."),
)
COMPLAINT = (  # (channel it came by, words); about a recent contact that failed the caller
    "email",
    "{name} wrote in: they had to explain everything again from the start, and still have no answer. They asked to "
    "speak to someone senior.",
)

FRICTION_RECENT_DAYS = 60
FRICTION_SHARE = 0.12  # of contacts in the last FRICTION_RECENT_DAYS where the agent marked a friction point
# (rule, words, channels it can come up on: empty for any), most often marked first
FRICTION = (
    ("Asking for the account number twice",
     "Gave the account number to the menu, then had to give it to me again.", ("phone",)),
    ("Security questions after the caller already verified on chat",
     "Passed security on chat an hour ago, then had to answer every question again on the phone.", ("phone",)),
    ("Refund dates only visible to the refunds team",
     "Could not tell the caller when the refund would arrive; had to promise a callback.", ()),
    ("Paper statement requests must be made in writing",
     "Caller asked by phone; we had to tell them to write in.", ("phone", "chat")),
    ("Direct debit date changes take two billing cycles",
     "Caller wanted it moved after payday; could not do it until next month.", ()),
)
FRICTION_WEIGHTS = (6, 5, 4, 2, 2)

SUGGESTIONS = (  # (words), suggested by agents from the prompts panel
    "When a refund is sent, a prompt to offer a text on the day it lands, so the caller is not left wondering.",
    "When a caller mentions a bereavement, remind us of the bereavement team's direct number.",
)

# -- the story caller (data.STORY_CALLS, by position): what supervisors made of her calls ---------------------------
STORY_KUDOS_CALL = 1  # Sam's direct debit call: consent, adjustments and emergency contacts, all in one easy call
STORY_REVIEWS = (  # (call, reviewer, scores by criterion position, comment, kudos, days after the call)
    (1, "helen.ward", (5, 5, 5, 5, 5),
     "Asked before recording anything, read everything back, and left the record better than you found it.",
     "You noticed Peggy was tired, asked her consent and set up large print and her emergency contacts: because of "
     "you, whoever takes her next call knows how to help her. Thank you, Sam.", 1),
    (4, "gareth.lloyd", (4, 5, 4, 4, 4),
     "Rang back the next day as promised and gave her the reference. Next time confirm the date by letter too: her "
     "record asks us to confirm each step.", "", 2),
)
STORY_DUTY = (  # (call, reviewer, outcome, comment, days after the call); her latest call waits in the queue
    (2, "helen.ward", "no-action", "Address read back slowly as her record asks. No concerns.", 2),
    (3, "gareth.lloyd", "no-action", "Duplicate payment found and a callback promised; the callback was made.", 1),
    (4, "gareth.lloyd", "no-action", "Callback kept. Refund requested; nothing more for us.", 2),
)
STORY_FRICTION_CALL = 5  # her latest call: the refund date could not be found while she waited
STORY_FRICTION = 2  # FRICTION[2], refund dates
# fmt: on
