"""Governance selectors (reads), one module per area."""
