"""Seed a believable demo database (`cxassist demo`): callers, their histories and the records that make care
possible.

Deterministic by seed: names, numbers, reasons, outcomes and ids all come from one `random.Random(seed)`; dates are
placed relative to `runtime.now()`, so the demo always looks current. Rows are written as the store writes them
(its own value builders, an upsert with a fresh HLC stamp and an outbox entry in the same transaction), through
`store.rows.save_many`: one statement per table per chunk of callers. Every note passes through redaction like any
other.

The story caller (Margaret "Peggy" Hale, external id DEMO-0001) is generated first and written last: her presence
means an earlier run finished, so a second run reuses the data and writes nothing. An interrupted run is completed:
callers already stored are skipped. Fictional number ranges are small (about 15,000 valid UK drama numbers, shared
with emergency contacts), so past about 5,000 callers some numbers are shared, as a household's would be; the story
caller's and her contacts' numbers never are.

What supervisors see is drawn too, from a random source of its own so the callers stay the same: prompts shown, used
and dismissed, quality reviews and kudos, duty-of-care outcomes (with their audit events) and open items, compliments,
a complaint with a senior callback, friction points and prompt suggestions.

Modules, top down: `seed` (the run), `write` (a chunk of records to the store), `callers` and `story` (the records),
`history` (a caller's contacts), `supervision` (what supervisors and agents made of them), `generate` (the random
source and small choices), `data`, `reasons` and `supervision_data` (word lists).
"""

from cxassist.services.demo.seed import DemoSummary, seed_demo

__all__ = ["DemoSummary", "seed_demo"]
