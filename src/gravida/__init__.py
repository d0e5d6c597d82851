"""Gravida: coding and claim intelligence for prenatal massage and manual therapy."""

__version__ = "0.1.0"
