"""Map builders (pure): basemap, school/hazard/sign/path layers, marks, legend, viewport."""
