"""The extractive reader: split retrieved chunks into units, score them, decline or choose, compose."""
