"""`python -m planwatch.schema [PATH]` rewrites the shipped schema from the model."""

import sys

from planwatch.schema import SCHEMA_FILE, write_schema

write_schema(sys.argv[1] if len(sys.argv) > 1 else f"src/planwatch/schema/{SCHEMA_FILE}")
