package dev.doppel.bootstrap;

import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param id this app node's name in the leases of the jobs it runs; blank: a random one for each start */
@ConfigurationProperties(prefix = "doppel.node")
public record NodeProperties(String id) {
  public NodeProperties {
    id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
  }
}
