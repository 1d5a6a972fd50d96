"""Validates and records incoming orders."""
