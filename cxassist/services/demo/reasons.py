"""Why people call, for `cxassist demo`: each reason with how often it comes up, how it tends to go, the notes an
agent would write for each outcome and the resolution; and the calls where a caller needed help there and then.
Laid out by hand (`fmt: off`).
"""

from __future__ import annotations

from dataclasses import dataclass

from cxassist.domain.models import Outcome


@dataclass(frozen=True, slots=True)
class Reason:
    label: str
    weight: int
    outcomes: tuple[int, int, int]  # weights of failed, met, exceeded
    notes: dict[Outcome, tuple[str, ...]]
    resolutions: dict[Outcome, str]
    tags: tuple[str, ...] = ()
    senior_callback: bool = False  # a complaint: the follow-up is a senior person calling back


# fmt: off
F, M, X = Outcome.FAILED, Outcome.MET, Outcome.EXCEEDED
REASONS = (
    Reason(
        "Billing query", 14, (2, 7, 1),
        {
            F: ("{name} queried £{amount} on the {month} bill. Could not see what it was for and billing had closed "
                "for the day; said we would look into it and call back.",),
            M: ("{name} asked about £{amount} on the {month} bill. It was the yearly fee; explained it and how it "
                "is worked out.", "Went through the {month} bill line by line with {name}; all charges correct."),
            X: ("{name} asked about £{amount} on the {month} bill. It had been charged twice by mistake; refunded "
                "it on the call and added £10 for the trouble.",),
        },
        {F: "Passed to billing", M: "Explained the charge", X: "Refunded on the call, £10 goodwill"},
    ),
    Reason(
        "Refund", 9, (3, 6, 2),
        {
            F: ("Refund of £{amount} for order {ref} not received. Could not give a date while {name} waited; "
                "promised to chase it and call back.",),
            M: ("Refund of £{amount} for order {ref} confirmed; told {name} it will show in 3-5 working days.",),
            X: ("Refund of £{amount} for order {ref} had stalled. Pushed it through on the call; it went back to "
                "the card ending {last4} straight away.",),
        },
        {F: "Chasing the refund", M: "Refund confirmed", X: "Refunded on the call"},
    ),
    Reason(
        "New card", 8, (1, 7, 2),
        {
            F: ("Card ending {last4} stopped working. New card ordered, but {name} needs it before the weekend and "
                "we could not send it any faster.",),
            M: ("Card ending {last4} is worn out. Ordered a new one to the address on file; 3-5 working days.",),
            X: ("Card ending {last4} damaged. Sent a replacement by next-day delivery at no charge and set up a "
                "digital card so {name} could shop today.",),
        },
        {F: "Card ordered, standard delivery", M: "Card ordered", X: "Next-day card and digital card"},
    ),
    Reason(
        "Lost or stolen card", 6, (2, 6, 2),
        {
            F: ("{name} lost their purse with the card ending {last4}. Card blocked, but only after 20 minutes on "
                "hold; {name} was upset about the wait.",),
            # The test card number below is masked by redaction before it is stored, as a real one would be.
            M: ("Card ending {last4} reported lost. Blocked it, went through recent payments with {name} (all "
                "theirs), new card on its way.",
                "{name} read out the whole card number, 4111 1111 1111 1111, before I could stop them. Blocked the "
                "card and reminded them we never need the full number."),
            X: ("Card ending {last4} stolen. Blocked it, refunded the two payments {name} did not make (£{amount}) "
                "while on the call, new card by next day.",),
        },
        {F: "Card blocked", M: "Card blocked, new card ordered", X: "Blocked, refunded, next-day card"},
    ),
    Reason(
        "Direct debit", 8, (1, 7, 2),
        {
            F: ("{name} wanted the direct debit moved to the {day}. Too close to the collection date to change "
                "it this month; the payment goes out as normal. Not happy.",),
            M: ("Moved the direct debit from the {day0} to the {day} so it goes out after payday.",),
            X: ("Moved {name}'s direct debit to after payday and spotted a missed credit of £{amount}; applied it.",),
        },
        {F: "No change this month", M: "Direct debit date moved", X: "Date moved, credit applied"},
    ),
    Reason(
        "Moving home", 6, (1, 6, 2),
        {
            F: ("{name} moves on the {day}. Could not update the address: the new postcode is not in our system "
                "yet. Asked them to call again.",),
            M: ("Updated the address for {name}'s move on the {day}; statements go to the new address from now.",),
            X: ("Updated the address for the move, moved the direct debit to match, and sent {name} a card wishing "
                "them well in the new home.",),
        },
        {F: "Address not updated", M: "Address updated", X: "Address and direct debit updated"},
    ),
    Reason(
        "Bereavement", 3, (1, 3, 3),
        {
            F: ("{name}'s {relative} died in {month}. We asked for the death certificate again although it was sent "
                "in {month}; {name} was upset to be asked twice.",),
            M: ("{name} called to tell us their {relative} has died. Sent the bereavement pack and explained what "
                "happens next with the account.",),
            X: ("{name} called to tell us their {relative} has died. Took it slowly, closed the joint account in one "
                "go and sent a condolence card. {name} thanked us for being kind.",),
        },
        {F: "Certificate asked for again", M: "Bereavement pack sent", X: "Account closed in one call"},
        tags=("bereavement",),
    ),
    Reason(
        "Complaint", 4, (5, 4, 2),
        {
            F: ("{name} complained that three calls about {topic} went unanswered. Apologised and logged the "
                "complaint ({ref}); senior callback booked.",),
            M: ("Complaint about {topic}. Apologised, explained what went wrong and logged it ({ref}); {name} "
                "accepted that.",),
            X: ("Complaint about {topic}. Apologised and put it right on the call; a team leader rang {name} the "
                "same day to say sorry in person.",),
        },
        {F: "Complaint logged", M: "Complaint logged and explained", X: "Put right, senior apology"},
        tags=("complaint",),
        senior_callback=True,
    ),
    Reason(
        "Payment difficulty", 4, (2, 5, 2),
        {
            F: ("{name} cannot pay the £{amount} due this month after their hours were cut. Could not reach the "
                "support team to set up a plan; the transfer dropped.",),
            M: ("Set up a payment plan of £{amount} a month for six months; told {name} about free debt advice.",),
            X: ("Paused payments for two months while {name} is between jobs, froze interest and posted the free "
                "debt advice details.",),
        },
        {F: "No plan yet", M: "Payment plan agreed", X: "Payments paused, interest frozen"},
        tags=("financial difficulty",),
    ),
    Reason(
        "Password reset", 6, (2, 6, 2),
        {
            F: ("{name} locked out of the online account after three tries. Reset link did not arrive; asked them "
                "to try again tomorrow.",),
            M: ("Reset {name}'s online password and checked they could sign in while still on the call.",),
            X: ("Reset the password, then took {name} through the app and turned on statement alerts.",),
        },
        {F: "Still locked out", M: "Password reset", X: "Password reset, app set up"},
    ),
    Reason(
        "Change of details", 5, (1, 7, 2),
        {
            F: ("Could not change the name on the account without the marriage certificate; {name} expected to do "
                "it by phone.",),
            M: ("Updated {name}'s email address and mobile number.",),
            X: ("Changed {name}'s name after the wedding, said congratulations and reissued the card in the new "
                "name.",),
        },
        {F: "Certificate needed", M: "Details updated", X: "Name changed, card reissued"},
    ),
    Reason(
        "Statement request", 4, (1, 7, 2),
        {
            F: ("Statements take 10 working days; {name} needed them for a mortgage application on Friday.",),
            M: ("Sent copies of the last six statements to the address on file.",),
            X: ("Emailed six statements the same hour for {name}'s mortgage application, with large-print copies by "
                "post.",),
        },
        {F: "Statements ordered", M: "Statements sent", X: "Statements sent the same hour"},
    ),
    Reason(
        "Fraud concern", 3, (1, 6, 3),
        {
            F: ("{name} had a text claiming to be from us asking for a code. Could not check whether the account "
                "was touched while they waited.",),
            M: ("{name} had a suspicious text. Not from us; checked the account (nothing taken) and explained we "
                "never ask for codes.",),
            X: ("{name} had given a code to a scam caller. Stopped the £{amount} payment before it left and "
                "changed the card ending {last4}.",),
        },
        {F: "Passed to fraud team", M: "Account checked", X: "Payment stopped"},
        tags=("fraud",),
    ),
    Reason(
        "Compliment", 2, (0, 2, 3),
        {
            F: (),
            M: ("{name} called to thank {agent} for sorting out {topic} last month.",),
            X: ("{name} rang just to say {agent} was lovely about {topic}; passed it on to the team.",),
        },
        {F: "", M: "Thanks passed on", X: "Thanks passed on"},
        tags=("compliment",),
    ),
)

# (reason, note) of a call where the caller needed help; history.py adds the timestamped steps.
EMERGENCIES = (
    ("Caller fell at home", "{name} said they had fallen and could not get up. Kept them on the line, confirmed the "
     "address, called {emergency}, rang their {contact_rel} {contact}. Stayed on until the paramedics arrived."),
    ("Caller unwell on the call", "{name} became breathless and confused partway through the call. Confirmed the "
     "address, called {emergency}, told their {contact_rel} {contact}; stayed on the line until help came."),
    ("Caller in distress", "{name} was very distressed and said they did not feel safe on their own tonight. Stayed "
     "with them, agreed to call their {contact_rel} {contact}, who went round. Called {emergency} for advice."),
)
# fmt: on
