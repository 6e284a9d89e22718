"""Track CSV read in blocks: the column layout, the block reader, the vectorised column parser."""
