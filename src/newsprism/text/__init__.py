"""Small pure helpers shared by the stages: word frequency, word tokens, names and slugs."""
