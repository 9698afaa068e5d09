"""mtclean.evaluation."""
