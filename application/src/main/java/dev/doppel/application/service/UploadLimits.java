package dev.doppel.application.service;

import dev.doppel.domain.dataset.profile.ProfilingLimits;

/**
 * @param maxBytes the largest file accepted
 * @param maxColumns the widest table accepted
 * @param maxPreviewRows the most rows a preview returns
 */
public record UploadLimits(long maxBytes, int maxColumns, int maxPreviewRows, ProfilingLimits profiling) {
  public UploadLimits {
    if (maxBytes < 1 || maxColumns < 1 || maxPreviewRows < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
  }
}
