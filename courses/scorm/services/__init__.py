"""Importing SCORM packages and persisting what their SCOs commit. Views, the admin upload view
and `manage.py import_scorm` call these functions."""
