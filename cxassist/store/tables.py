"""Core `Table` objects for queries; repositories use these, never the mapped classes' instances."""

from sqlalchemy import Table

from cxassist.store.schema import Base

_tables = Base.metadata.tables

agent: Table = _tables["agent"]
caller: Table = _tables["caller"]
caller_phone: Table = _tables["caller_phone"]
emergency_contact: Table = _tables["emergency_contact"]
vulnerability: Table = _tables["vulnerability"]
interaction: Table = _tables["interaction"]
emergency_action: Table = _tables["emergency_action"]
prompt_event: Table = _tables["prompt_event"]
prompt_suggestion: Table = _tables["prompt_suggestion"]
prompt_pack: Table = _tables["prompt_pack"]
friction_point: Table = _tables["friction_point"]
feedback: Table = _tables["feedback"]
review: Table = _tables["review"]
audit_event: Table = _tables["audit_event"]
draft: Table = _tables["draft"]
saved_filter: Table = _tables["saved_filter"]
outbox: Table = _tables["outbox"]
sync_state: Table = _tables["sync_state"]
meta: Table = _tables["meta"]

SYNCED = (
    "agent",
    "caller",
    "caller_phone",
    "emergency_contact",
    "vulnerability",
    "interaction",
    "emergency_action",
    "prompt_event",
    "prompt_suggestion",
    "prompt_pack",
    "friction_point",
    "feedback",
    "review",
    "audit_event",
)
