"""Inventory API of the Fleetcheck demo fleet."""

__version__ = "1.4.0"
