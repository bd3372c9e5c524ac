"""The agent workspace: the window an agent keeps open all shift."""
