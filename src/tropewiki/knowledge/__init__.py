"""Knowledge derived from page text: links, examples, index entries; the queries over them."""
