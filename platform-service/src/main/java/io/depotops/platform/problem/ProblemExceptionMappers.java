package io.depotops.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.input.DisallowedCharacterException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a REST endpoint raises into an RFC 9457 problem. Clients never see a stack
 * trace or a class name; unexpected errors are logged here with their trace id.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(
                e.problemType(), e.problemType().status(), e.getMessage(), instance(uri), e.errors(), e.extensions());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<InvalidField> errors = e.getConstraintViolations().stream()
                .map(v -> new InvalidField(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        String fields = errors.stream().map(InvalidField::field).distinct().collect(joining());
        return ProblemResponses.of(
                ProblemType.VALIDATION_FAILED,
                ProblemType.VALIDATION_FAILED.status(),
                "Invalid fields: " + fields,
                instance(uri),
                errors,
                Map.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
            return malformed(e, uri);
        }
        String field = jsonPath(e);
        String message = e instanceof DisallowedCharacterException disallowed
                ? disallowed.reason()
                : e.getTargetType() == null ? "has the wrong type" : "must be a " + friendlyTypeName(e.getTargetType());
        return ProblemResponses.of(
                ProblemType.VALIDATION_FAILED,
                ProblemType.VALIDATION_FAILED.status(),
                "Invalid fields: " + field,
                instance(uri),
                List.of(new InvalidField(field, message)),
                Map.of());
    }

    /**
     * A value Jackson could not take for a field, such as a number out of the range of an int or
     * long field ({@code 1e308}, {@code 2^70}): the field is named, as for a value of the wrong type.
     */
    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return malformed(e, uri);
        }
        String field = jsonPath(e);
        String message = e.getCause() instanceof InputCoercionException coercion
                ? "is out of range for a " + friendlyTypeName(coercion.getTargetType())
                : "has an invalid value";
        return ProblemResponses.of(
                ProblemType.VALIDATION_FAILED,
                ProblemType.VALIDATION_FAILED.status(),
                "Invalid fields: " + field,
                instance(uri),
                List.of(new InvalidField(field, message)),
                Map.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper({
        io.quarkus.security.AuthenticationFailedException.class,
        io.quarkus.security.UnauthorizedException.class
    })
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(
                        ProblemType.UNAUTHENTICATED,
                        ProblemType.UNAUTHENTICATED.status(),
                        "Send a valid bearer token",
                        instance(uri),
                        List.of(),
                        Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.FORBIDDEN,
                ProblemType.FORBIDDEN.status(),
                "Your role does not allow this",
                instance(uri),
                List.of(),
                Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader answers what Jackson could not read as a bare 400 that carries the cause.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return malformed(processing, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
        }
        Response problem = ProblemResponses.of(
                ProblemType.forStatus(status),
                status,
                status >= 500 ? null : e.getMessage(),
                instance(uri),
                List.of(),
                Map.of());
        // Keep headers the client needs to act on the error, e.g. Allow on 405.
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        java.util.Optional<DatabaseRefusals.Refusal> refused = DatabaseRefusals.of(e);
        if (refused.isPresent()) {
            DatabaseRefusals.Refusal refusal = refused.get();
            // The request's validation should have caught it: worth a warning, not a stack trace.
            LOG.warnf(
                    "request %s refused by the database (SQLSTATE %s); its validation should catch this",
                    uri == null ? "?" : uri.getPath(), refusal.sqlState());
            return ProblemResponses.of(
                    refusal.type(), refusal.type().status(), refusal.detail(), instance(uri), List.of(), Map.of());
        }
        LOG.errorf(e, "request %s failed unexpectedly", uri.getPath());
        return ProblemResponses.of(
                ProblemType.INTERNAL_ERROR,
                ProblemType.INTERNAL_ERROR.status(),
                "The request could not be completed; quote the traceId when reporting it.",
                instance(uri),
                List.of(),
                Map.of());
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null
                ? ""
                : " at line %d, column %d"
                        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        return ProblemResponses.of(
                ProblemType.MALFORMED_REQUEST,
                ProblemType.MALFORMED_REQUEST.status(),
                "The request body is not valid JSON" + where,
                instance(uri),
                List.of(),
                Map.of());
    }

    private static URI instance(UriInfo uri) {
        return ProblemResponses.instance(uri);
    }

    /**
     * The client's name of a violated field: the JSON property path of a body, or the name of a
     * query, path or header parameter; never the Java method name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An index belongs to the container named by the previous node: connectors[0].connectorId
                if (node.getIndex() != null && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String friendlyTypeName(Class<?> type) {
        if (type == null) {
            return "value of the documented shape";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of "
                    + java.util.Arrays.stream(constants).map(Object::toString).collect(joining());
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "string";
        }
        return "value of the documented shape";
    }

    private static java.util.stream.Collector<CharSequence, ?, String> joining() {
        return Collectors.joining(", ");
    }
}
