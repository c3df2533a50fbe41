"""Output: turning results into JSON, text, Markdown, HTML and spreadsheets."""
