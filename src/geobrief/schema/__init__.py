"""Package data: the JSON Schema of the article format (``article.schema.json``)."""
