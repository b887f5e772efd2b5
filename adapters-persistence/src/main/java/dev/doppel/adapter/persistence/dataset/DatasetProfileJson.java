package dev.doppel.adapter.persistence.dataset;

import dev.doppel.adapter.persistence.StoredJson;
import dev.doppel.domain.dataset.DatasetProfile;

/** The stored form of a {@link DatasetProfile} in {@code datasets.metadata}. */
final class DatasetProfileJson {
  private static final String WHAT = "dataset profile";

  private DatasetProfileJson() {}

  static String write(DatasetProfile profile) {
    return StoredJson.write(profile, WHAT);
  }

  static DatasetProfile read(String json) {
    return StoredJson.read(json, DatasetProfile.class, WHAT);
  }
}
