"""One module per command (or command group). Each imports heavy modules inside its body."""
