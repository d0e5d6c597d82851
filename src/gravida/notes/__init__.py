"""Visit notes as written: text to encounter facts with the words each came from, and a documentation audit."""
