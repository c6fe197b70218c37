"""One search box over the programme's records, showing only what the user may see."""
