"""The meeting pack (vergaderstukken) as one PDF per meeting, and its mailing at the papers deadline."""
