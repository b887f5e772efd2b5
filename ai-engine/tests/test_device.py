"""The engine trains and generates on the GPU when PyTorch sees one, and on the CPU when told to."""

from __future__ import annotations

import torch

from doppel_engine._device import DEVICE_VARIABLE, torch_device


def test_a_visible_gpu_is_used(monkeypatch):
    monkeypatch.delenv(DEVICE_VARIABLE, raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert torch_device() == "cuda"


def test_without_a_gpu_the_cpu_is_used(monkeypatch):
    monkeypatch.delenv(DEVICE_VARIABLE, raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert torch_device() == "cpu"


def test_the_cpu_can_be_chosen_over_a_gpu(monkeypatch):
    monkeypatch.setenv(DEVICE_VARIABLE, " CPU ")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert torch_device() == "cpu"
