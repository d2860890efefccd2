"""Accuracy over gold question sets (JSONL): per-item results, summaries, reports and charts."""
