package dev.doppel.domain.relational;

public record DatabaseBatchId(long value) {}
