"""Rendering: functions that turn results into Rich renderables. No logic lives here."""
