# Experiments, pilots, gates and indicators arrive with the pilot lifecycle issue.
