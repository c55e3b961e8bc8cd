"""Longest texts people may send; the models' max_length say the same."""

MAX_COMMENT_LENGTH = 5000
MAX_QUESTION_LENGTH = 2000
MAX_TITLE_LENGTH = 200
