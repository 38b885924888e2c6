"""Test-session environment: a throwaway data directory unless one is given.

Loaded by pytest before Django settings are read (it is the rootdir conftest).
"""

import os
import tempfile

os.environ.setdefault("TROPEWIKI_HOME", tempfile.mkdtemp(prefix="tropewiki-test-"))
os.environ.setdefault("TROPEWIKI_SECRET_KEY", "tests-only-not-secret")
