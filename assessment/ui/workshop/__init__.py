"""Workshop pages: the facilitator's control room, the shared screen, and joining."""
