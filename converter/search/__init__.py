"""The site's own search: words (terms), the index files built from the model (index), read by search.js."""
