"""A province's content repository, started by `handbook new`: the example data (`skeleton`),
the files copied from the tool (`starter`), the editors' README (`readme`), and the one function
that plans and writes them all (`create`)."""
