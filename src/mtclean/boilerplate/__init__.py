"""mtclean.boilerplate."""
