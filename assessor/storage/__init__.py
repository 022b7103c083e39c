"""Assessment files: the format, saving, opening, autosave and recovery, participant packs, CSV."""
