"""What a supervisor types into the search box, made into a safe FTS5 expression, or refused with a reason.

Words are letters and digits (the same split as `store/search.py`); each becomes a quoted term, so FTS5 syntax typed
by a user (`"unclosed`, `NEAR(`, `AND`, `*`) is only ever text. Decisions, for a search over millions of notes:

- Text with no letters or digits (`***`, `"(`) is refused: there is nothing to search for.
- Text whose words are all one character (`a`, `x y`) is refused: "type at least two letters". A one-letter word
  matches most notes, and as a prefix it would make FTS5 merge the lists of every word starting with it.
- One-letter words beside longer ones are kept as whole words (`flat 4 b` finds "flat 4 b").
- Words match whole words. A word typed with a trailing `*` and at least three characters before it is a prefix
  (`refu*` finds "refund", "refunded"). A prefix makes FTS5 read and merge the lists of every word starting with
  it before it can return the newest match (about 0.1 s for a common prefix over 10M notes, far more for a short
  one), so it is asked for, never implied; a shorter prefix is searched as a whole word.
"""

from __future__ import annotations

import re

from cxassist.domain.errors import UserError

_WORD = re.compile(r"(\w+)(\*?)", re.UNICODE)
MAX_TERMS = 12
MIN_PREFIX = 3


def search_expression(text: str) -> str:
    """The FTS5 MATCH expression for `text`; raises UserError when there is nothing worth searching for."""
    found = _WORD.findall(text)[:MAX_TERMS]
    if not found:
        raise UserError("The search has no letters or digits in it; type a word from the note to search for.")
    if all(len(word) < 2 for word, _ in found):
        raise UserError("Type at least two letters or digits to search; one letter matches almost every note.")
    return " ".join(f'"{word}"*' if star and len(word) >= MIN_PREFIX else f'"{word}"' for word, star in found)
