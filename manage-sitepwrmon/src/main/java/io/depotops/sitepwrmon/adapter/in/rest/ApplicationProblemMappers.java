package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.depotops.sitepwrmon.application.ConflictException;
import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.NotFoundException;
import io.depotops.sitepwrmon.application.StaleVersionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The application's refusals as RFC 9457 problems of the catalogue. */
class ApplicationProblemMappers {

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri) {
        return problem(ProblemType.NOT_FOUND, e.getMessage(), uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    Response conflict(ConflictException e, UriInfo uri) {
        Map<String, Object> extensions = e.field() == null ? Map.of() : Map.of("conflictingField", e.field());
        return problem(ProblemType.CONFLICT, e.getMessage(), uri, List.of(), extensions);
    }

    @ServerExceptionMapper
    Response stale(StaleVersionException e, UriInfo uri) {
        return problem(
                ProblemType.PRECONDITION_FAILED,
                e.getMessage(),
                uri,
                List.of(),
                Map.of("currentVersion", e.currentVersion()));
    }

    @ServerExceptionMapper
    Response invalid(InvalidInputException e, UriInfo uri) {
        return problem(
                ProblemType.VALIDATION_FAILED,
                "Invalid fields: " + e.getMessage(),
                uri,
                e.problems().stream()
                        .map(p -> new InvalidField(p.field(), p.message()))
                        .toList(),
                Map.of());
    }

    private static Response problem(
            ProblemType type, String detail, UriInfo uri, List<InvalidField> errors, Map<String, Object> extensions) {
        return ProblemResponses.of(type, type.status(), detail, ProblemResponses.instance(uri), errors, extensions);
    }
}
