"""Reading release files: bytes to text, text to layout (prose and table grids). Nothing here knows mining."""
