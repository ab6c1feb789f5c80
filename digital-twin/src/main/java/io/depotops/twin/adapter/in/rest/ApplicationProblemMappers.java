package io.depotops.twin.adapter.in.rest;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.depotops.twin.application.InvalidWhatIfException;
import io.depotops.twin.application.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The application's refusals as RFC 9457 problems of the catalogue. */
class ApplicationProblemMappers {

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri) {
        return problem(ProblemType.NOT_FOUND, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    Response invalid(InvalidWhatIfException e, UriInfo uri) {
        return problem(
                ProblemType.VALIDATION_FAILED,
                e.getMessage(),
                uri,
                List.of(new InvalidField("changes", e.getMessage())));
    }

    /** Core did not answer (or answered an error) while the twin loaded a depot it lacked. */
    @ServerExceptionMapper
    Response coreUnavailable(ProcessingException e, UriInfo uri) {
        return problem(
                ProblemType.DEPENDENCY_UNAVAILABLE, "core could not be reached: " + e.getMessage(), uri, List.of());
    }

    static Response problem(ProblemType type, String detail, UriInfo uri, List<InvalidField> errors) {
        return ProblemResponses.of(type, type.status(), detail, ProblemResponses.instance(uri), errors, Map.of());
    }
}
