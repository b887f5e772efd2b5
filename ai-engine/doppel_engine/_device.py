"""Where the engine's neural networks run: the GPU when the process sees one, else the CPU."""

from __future__ import annotations

import os

DEVICE_VARIABLE = "DOPPEL_ENGINE_DEVICE"


def torch_device() -> str:
    """``"cuda"`` when PyTorch sees a GPU, unless ``DOPPEL_ENGINE_DEVICE=cpu`` keeps the work on the CPU."""
    if os.environ.get(DEVICE_VARIABLE, "").strip().lower() == "cpu":
        return "cpu"
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"
