package io.depotops.sim.adapter.in.rest;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.depotops.sim.application.ConflictException;
import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.application.NotFoundException;
import io.depotops.sim.application.SuiteUnavailableException;
import io.depotops.sim.domain.engine.ActionRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The application's refusals as RFC 9457 problems of the catalogue. */
class ApplicationProblemMappers {

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri) {
        return problem(ProblemType.NOT_FOUND, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    Response conflict(ConflictException e, UriInfo uri) {
        return problem(ProblemType.CONFLICT, e.getMessage(), uri, List.of());
    }

    /** An agent action the run cannot take now: the request was well formed, the run's state refuses it. */
    @ServerExceptionMapper
    Response refused(ActionRefusedException e, UriInfo uri) {
        return problem(ProblemType.CONFLICT, e.getMessage(), uri, List.of(new InvalidField(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    Response suiteUnavailable(SuiteUnavailableException e, UriInfo uri) {
        return problem(ProblemType.DEPENDENCY_UNAVAILABLE, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    Response invalid(InvalidInputException e, UriInfo uri) {
        return problem(
                ProblemType.VALIDATION_FAILED,
                "Invalid fields: " + e.getMessage(),
                uri,
                e.problems().stream()
                        .map(p -> new InvalidField(p.field(), p.message()))
                        .toList());
    }

    private static Response problem(ProblemType type, String detail, UriInfo uri, List<InvalidField> errors) {
        return ProblemResponses.of(
                type, type.status(), detail, ProblemResponses.instance(uri), errors, java.util.Map.of());
    }
}
