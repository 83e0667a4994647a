"""The records a person keeps: rules.py (answers and details cleaned, text escaped, file names, the
JSON record and reading it back), blocks.py (the record's layout, made once), and its writers
markdown.py (Markdown) and word.py (Word, with python-docx)."""
