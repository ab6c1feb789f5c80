package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.core.application.ConflictException;
import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.report.ReportStorageUnavailableException;
import io.depotops.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The application's refusals as problems of the catalogue. */
class ApplicationProblemMappers {

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri) {
        return problem(ProblemType.NOT_FOUND, e.getMessage(), uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    Response conflict(ConflictException e, UriInfo uri) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("conflictingField", e.field());
        if (e.existingId() != null) {
            extensions.put(
                    "conflictingResource",
                    resourcePath(uri.getPath(), e.resource(), e.existingId().toString()));
        }
        return problem(ProblemType.CONFLICT, e.getMessage(), uri, List.of(), extensions);
    }

    @ServerExceptionMapper
    Response stale(StaleVersionException e, UriInfo uri) {
        Map<String, Object> extensions =
                e.currentVersion() >= 0 ? Map.of("currentVersion", e.currentVersion()) : Map.of();
        return problem(ProblemType.PRECONDITION_FAILED, e.getMessage(), uri, List.of(), extensions);
    }

    @ServerExceptionMapper
    Response invalid(InvalidInputException e, UriInfo uri) {
        return problem(
                ProblemType.VALIDATION_FAILED,
                "Invalid fields: " + e.field(),
                uri,
                List.of(new InvalidField(e.field(), e.getMessage())),
                Map.of());
    }

    @ServerExceptionMapper
    Response reportNotStored(ReportStorageUnavailableException e, UriInfo uri) {
        return problem(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "The report could not be stored; it is listed as FAILED",
                uri,
                List.of(),
                Map.of("reportId", e.reportId().toString()));
    }

    private static Response problem(
            ProblemType type, String detail, UriInfo uri, List<InvalidField> errors, Map<String, Object> extensions) {
        return ProblemResponses.of(type, type.status(), detail, ProblemResponses.instance(uri), errors, extensions);
    }

    /** {@code /api/v1/workspaces/W/chargers[/X]} -> {@code /api/v1/workspaces/W/chargers/ID}. */
    static String resourcePath(String requestPath, String resource, String id) {
        String collection = "/" + resource + "s";
        int at = requestPath.indexOf(collection);
        return at < 0 ? id : requestPath.substring(0, at + collection.length()) + "/" + id;
    }
}
