package io.depotops.sim.domain.config;

/** One refused part of a config: a JSON pointer into the document and what is wrong there. */
public record ConfigProblem(String path, String message) {}
