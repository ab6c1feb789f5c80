package io.depotops.sitepwrmon.domain.tree;

/** A rule of the electrical tree that a node would break, with the field it concerns. */
public record TreeViolation(String field, String message) {}
