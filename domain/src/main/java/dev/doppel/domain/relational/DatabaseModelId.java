package dev.doppel.domain.relational;

public record DatabaseModelId(long value) {}
