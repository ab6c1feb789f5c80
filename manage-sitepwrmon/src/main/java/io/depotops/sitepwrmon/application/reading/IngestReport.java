package io.depotops.sitepwrmon.application.reading;

import io.depotops.sitepwrmon.application.InvalidInputException.FieldProblem;
import java.util.List;

/**
 * What became of a batch: readings stored, duplicates (already stored, nothing changed), and the
 * refused ones with the reason ({@code readings[i].field}).
 */
public record IngestReport(int stored, int duplicates, List<FieldProblem> refused) {}
