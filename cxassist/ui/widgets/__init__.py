"""Small widgets shared by the agent workspace and, later, the supervisor console."""
