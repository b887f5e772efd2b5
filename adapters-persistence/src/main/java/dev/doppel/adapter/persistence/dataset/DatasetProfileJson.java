package dev.doppel.adapter.persistence.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.doppel.domain.dataset.DatasetProfile;

/**
 * The stored form of a {@link DatasetProfile} in {@code datasets.metadata}. It owns its
 * ObjectMapper so that settings made for the web API can never change what is on disk.
 */
final class DatasetProfileJson {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      // Rows written by a newer version stay readable after a downgrade.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private DatasetProfileJson() {}

  static String write(DatasetProfile profile) {
    try {
      return JSON.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dataset profile could not be written as JSON", e);
    }
  }

  static DatasetProfile read(String json) {
    try {
      return JSON.readValue(json, DatasetProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored dataset profile is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
