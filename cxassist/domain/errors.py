"""The two kinds of failure: the user's problem (input, environment) or ours (a bug).

A `UserError` carries one plain sentence that names the file, key, path, number or version at fault; the CLI prints
it on one line and exits 2, the GUI shows it beside what the user was doing. Anything else is a bug.
"""


class UserError(Exception):
    """Bad input or environment, explained in one sentence the user can act on."""


class NotFoundError(UserError):
    """Something the user named does not exist."""
