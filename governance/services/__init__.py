"""Governance services (writes), one module per area; rollups.fold_new_events folds the event log."""
