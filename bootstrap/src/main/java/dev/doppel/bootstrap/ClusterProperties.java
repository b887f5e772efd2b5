package dev.doppel.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled true when several app nodes share one database and data directory: a node then
 *     recovers only jobs whose lease ran out, and refuses to start without the secrets every node
 *     must share
 */
@ConfigurationProperties(prefix = "doppel.cluster")
public record ClusterProperties(boolean enabled) {}
