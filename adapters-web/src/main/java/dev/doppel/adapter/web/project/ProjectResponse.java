package dev.doppel.adapter.web.project;

import java.time.Instant;

public record ProjectResponse(long id, String name, String description, Instant createdAt) {}
