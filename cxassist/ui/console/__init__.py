"""The supervisor console: the interaction log, the duty-of-care queue, reviews, the dashboard, prompt packs,
friction points and the audit log, one tab each, opened from the workspace with Ctrl+Shift+S."""
