package dev.doppel.domain.dataset;

public record ValueCount(String value, long count) {}
