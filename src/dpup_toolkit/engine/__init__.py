"""The engine: a checklist file read and checked against one schema, and the progress and results
its answers make. Nothing here draws anything or writes a record."""
