"""The declared schema of every file kind (pydantic models with Vietnamese descriptions)."""
