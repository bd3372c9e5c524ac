"""The console's sections by the names `cxassist console SECTION` takes, in tab order (no Qt here: the CLI reads it)."""

SECTIONS = ("duty", "log", "dashboard", "friction", "packs", "audit")
