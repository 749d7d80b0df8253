"""Question banks: the YAML format, its loader and validator."""
