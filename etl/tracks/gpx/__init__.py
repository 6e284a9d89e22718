"""Track GPX read by a streaming scanner: tags, structure, attributes, points."""
