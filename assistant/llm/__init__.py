"""The LLM reader: chat-model backends, prompts, citation checks."""
