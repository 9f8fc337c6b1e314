"""Where things live in the repository."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_DIR = REPO_ROOT / "integration_tests"
GENERATED_SEEDS_DIR = INTEGRATION_DIR / "seeds" / "generated"
