"""Reports behind the L&D figures: the rows behind each dashboard count (drill-downs), per-course and
per-learner reports, and reports people subscribe to by email."""
