"""mtclean.terms."""
