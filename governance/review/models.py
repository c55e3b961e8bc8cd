"""Peer-review models."""
