"""Word files and their printed twins: a neutral official document (`document`), its Word
file (`writer`, the only module that imports python-docx) and its print job (`to_html`)."""
