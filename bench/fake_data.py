"""What the generated rows are made of: names, places, note sentences, and valid UK phone numbers.

Numbers are valid for libphonenumber (`is_valid_number`): mobiles 071-073 and landlines 020 3/4/7/8, 0161, 0141 and
0151, spread by affine permutations (x -> (a*x + b) mod size, `a` coprime to `size`) so that every caller's numbers
are distinct and numbers past the callers' are free for unknown callers. These are real ranges: the data is for local
benchmarks only, never for dialling.
"""

from __future__ import annotations

import itertools
import random
import string
import sys
from typing import Any

import phonenumbers

from cxassist.domain.phones import national_number, tail_digits

# Valid UK ranges (national significant numbers) and affine permutations over them: x -> (a*x + b) mod size.
MOBILE = (7_100_000_000, 300_000_000, 282_475_249)  # 071-073 + 8 digits; a = 7**10, coprime to 3e8
LONDON = (("203", "204", "207", "208"), 40_000_000, 14_348_907)  # 020 3/4/7/8 + 7 digits; a = 3**15
REGIONAL = (("161", "141", "151"), 30_000_000, 5_764_801)  # 0161/0141/0151 + 7 digits; a = 7**8

FIRST = (
    "Margaret Peggy", "Ann", "Thomas Tom", "Sarah", "James Jim", "Mohammed", "Olivia Liv", "Aisha",
    "William Bill", "Emily", "Robert Bob", "Priya", "David Dave", "Grace", "Daniel Dan", "Chloe",
    "Michael Mike", "Fatima", "Joseph Joe", "Hannah", "Samuel Sam", "Zara", "Peter", "Lucy",
    "Richard Rick", "Amelia Millie", "Edward Ted", "Sophie", "Christopher Chris", "Jessica Jess",
    "Andrew Andy", "Ewa", "Kwame", "Siobhan", "Alexander Alex", "Isla", "Benjamin Ben", "Niamh",
    "Patrick Paddy", "Megan", "Rajesh Raj", "Elizabeth Liz", "Oluwaseun Seun", "Mei", "Catherine Kate",
    "Dylan", "Rebecca Becky", "Callum", "Agnieszka Aga", "Hamza", "Eleanor Nell", "Gareth",
    "Deborah Debbie", "Arjun"
)
LAST = (
    "Hale", "Reid", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Thompson", "White", "Hughes",
    "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark",
    "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison",
    "Morgan", "Young", "Allen", "Mitchell", "Ahmed", "Kowalski", "Nowak", "Okafor", "Mensah", "O'Brien",
    "Murphy", "Kelly", "Campbell", "Stewart", "MacDonald", "Singh", "Begum", "Chen", "Nguyen"
)
STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane",
    "Queen Street", "Green Lane"
)
CITIES = (("London", "N"), ("London", "SE"), ("Manchester", "M"), ("Glasgow", "G"), ("Liverpool", "L"),
          ("Leeds", "LS"), ("Bristol", "BS"), ("Cardiff", "CF"))
REASONS = ("billing", "refund", "new card", "move home", "payment", "complaint", "password reset", "delivery",
           "change of details", "direct debit", "bereavement", "fraud concern", "engineer visit", "tariff")
TOPICS = ("a missing refund", "the latest bill", "a replacement card", "moving home", "a direct debit",
          "a late payment charge", "the new tariff", "an address change", "a duplicate payment", "the online account",
          "a delivery that never came", "last month's complaint", "a meter reading", "a cancelled order")
THINGS = ("refund", "statement", "card", "letter", "payment", "parcel", "engineer visit", "meter reading",
          "contract", "password reset email", "direct debit", "bill")
ACTIONS = ("updated the address", "reset the password", "cancelled the duplicate payment", "raised a refund request",
           "booked an engineer", "sent a new card", "removed the late fee", "added a note for the team",
           "set up a payment plan", "confirmed the direct debit date")
FEELINGS = ("frustrated", "happy", "worried", "confused", "pleased", "upset", "relieved", "anxious", "grateful")
PROMISES = ("call back", "email the details", "post a letter", "escalate to a manager", "check with billing",
            "send a text confirmation")
WHEN = ("tomorrow", "on Monday", "on Friday", "by the end of the week", "in the morning", "after 5pm", "next week")
SUBJECTS = ("Caller", "Customer", "She", "He")
TEMPLATES = (
    "{s} called about {topic}.", "{s} asked why the {thing} had not arrived.",
    "Explained the {thing} and confirmed the next steps.", "Checked the account and {action}.",
    "{s} was {feeling} about the {thing}.", "Agreed to {promise} {when}.",
    "Apologised for the delay with the {thing}.", "{s} wants a callback {when}.",
    "{s} sounded {feeling}; {action}.", "Talked through {topic} and {action}.",
)
RESOLUTIONS = ("", "", "resolved on the call", "refund issued", "escalated to billing", "letter sent",
               "engineer booked", "no action needed")
TAG_SETS = ('[]', '[]', '[]', '["billing"]', '["refund"]', '["vip"]', '["complaint"]', '["billing","refund"]')
CHANNELS = ["phone"] * 70 + ["chat"] * 12 + ["email"] * 10 + ["web"] * 5 + ["in-person"] * 3
OUTCOMES = ["met"] * 68 + ["failed"] * 16 + ["exceeded"] * 16
DRIVERS = (("health", "hard of hearing", "speak slowly and confirm understanding"),
           ("health", "recovering from an operation", "offer shorter calls"),
           ("life-event", "recently bereaved", "do not ask for the late partner's documents again"),
           ("resilience", "lost their job", "offer a payment holiday before any plan"),
           ("capability", "finds online forms hard", "offer to complete forms on the call"))
RELATIONS = ("daughter", "son", "neighbour", "partner", "friend", "carer")


class Numbers:
    """The phone numbers of caller `i` (slot 0..2), unknown numbers, and emergency contacts' numbers."""

    def __init__(self, seed: int, callers: int) -> None:
        rng = random.Random(f"{seed}:numbers")
        self.b_mobile, self.b_london, self.b_regional = (rng.randrange(MOBILE[1]), rng.randrange(LONDON[1]),
                                                         rng.randrange(REGIONAL[1]))
        self.callers = callers
        self.unknown_pool = max(10, callers // 20)

    def mobile(self, x: int) -> str:
        base, size, a = MOBILE
        return f"+44{base + (a * x + self.b_mobile) % size}"

    def london(self, x: int) -> str:
        prefixes, size, a = LONDON
        p = (a * x + self.b_london) % size
        return f"+44{prefixes[p // 10_000_000]}{p % 10_000_000:07d}"

    def regional(self, x: int) -> str:
        prefixes, size, a = REGIONAL
        p = (a * x + self.b_regional) % size
        return f"+44{prefixes[p // 10_000_000]}{p % 10_000_000:07d}"

    def of_caller(self, i: int, slot: int, landline_first: bool) -> str:
        kind = (1, 0, 2)[slot] if landline_first else slot
        return (self.mobile, self.london, self.regional)[kind](i)

    def unknown_seen(self, j: int) -> str:  # numbers that call without being on file
        return self.mobile(self.callers + j)

    def never_seen(self, j: int) -> str:
        return self.mobile(self.callers + self.unknown_pool + j) if j % 2 else self.london(self.callers + j)

    def contact(self, j: int) -> str:
        return self.mobile(MOBILE[1] - 1 - j)


def sentence_pool() -> list[str]:
    """Every sentence the templates make (about 1,100), in a fixed order."""
    choices = {"s": SUBJECTS, "topic": TOPICS, "thing": THINGS, "action": ACTIONS, "feeling": FEELINGS,
               "promise": PROMISES, "when": WHEN}
    pool = set()
    for template in TEMPLATES:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        for values in itertools.product(*(choices[name] for name in fields)):
            pool.add(template.format(**dict(zip(fields, values, strict=True))))
    return sorted(pool)


def check_numbers(sample: dict[str, Any], numbers: Numbers) -> None:
    """Every sampled number (and some emergency contacts') must be valid for libphonenumber, with the app's keys."""
    every = [k["e164"] for k in sample["known"]] + sample["unknown"] + sample["unknown_seen"]
    every += [numbers.contact(j) for j in range(1000)]
    for e164 in every:
        if not phonenumbers.is_valid_number(phonenumbers.parse(e164, None)):
            sys.exit(f"generated number {e164} is not valid for libphonenumber: fix the ranges in bench/generate.py")
        if national_number(e164) != e164[3:] or tail_digits(e164) != e164[-7:]:
            sys.exit(f"generated keys for {e164} differ from cxassist.domain.phones")
    if len(set(every)) != len(every):
        sys.exit("generated sample numbers are not distinct")
