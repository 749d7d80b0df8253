"""Grading: exact graders for the closed types and a multilingual free-text grader.

The one entry point is `bertquiz.grading.grade.grade(question, answer, lang)`.
"""
