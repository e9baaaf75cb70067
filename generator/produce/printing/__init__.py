"""The print stage: publications declared in data become HTML (Jinja2, autoescaped) and then
PDF (WeasyPrint), cached by content hash and rendered in parallel."""
