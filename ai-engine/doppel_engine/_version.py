"""Engine version (bumped when the CLI contract or the model folder layout changes)."""

__version__ = "0.1.0"
ENGINE_NAME = "doppel-ai-engine"
MODEL_FORMAT = 1
