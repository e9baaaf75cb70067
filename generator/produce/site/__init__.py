"""Page producers for the handbook website: plain Python that knows nothing of the site
engine. `pages.produce_pages` gives the pages; `mkdocs_adapter` hands them to MkDocs."""
