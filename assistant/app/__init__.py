"""Thin front ends over the one in-process Assistant: CLI, REST API, web chat, server."""
