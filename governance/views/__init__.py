"""Thin views, one module per area: they check the role, call a service or selector, and render."""
