"""What a question asks: its terms, names, wanted kind of answer, follow-ups, Spanish bridging, filters."""
