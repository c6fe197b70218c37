"""Comments with @mentions on proposals, experiments and reports; annexes on proposals."""
