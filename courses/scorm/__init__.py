"""SCORM 1.2 and 2004 packages: import into a draft course, serve their files to the people who may
see them, and run them with the SCORM API (scorm-again) persisted by Guild (docs/content.md)."""
