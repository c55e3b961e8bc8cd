"""Guild's date and number formats per language (FORMAT_MODULE_PATH), so every page shows one date
format: templates use `|date` (or no filter) and Python code `date_format(value)`, never a literal
format. A language without a module here uses Django's own formats for it."""
