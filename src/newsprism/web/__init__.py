"""The web app: a thin FastAPI shell over the store; every HTML page has a JSON twin under /api."""
