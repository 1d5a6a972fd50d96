"""ticketctl: the ticket tracker from the terminal."""

__version__ = "0.9.2"
