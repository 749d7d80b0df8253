"""The interactive loops: practice / review and the mock exam."""
