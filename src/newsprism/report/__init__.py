"""Reports: terminal (rich), JSON, Markdown and standalone HTML."""
