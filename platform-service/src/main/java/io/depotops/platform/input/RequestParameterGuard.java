package io.depotops.platform.input;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path and query parameter of a matched REST request, checked before the endpoint's
 * parameters are converted:
 *
 * <ul>
 *   <li>no value (nor query parameter name) may hold a character {@link TextRules} refuses; here
 *       tab and line breaks too;
 *   <li>a query parameter declared as a number, UUID or enum must parse as one. JAX-RS answers a
 *       query parameter it cannot convert with 404, which tells the client the resource does not
 *       exist; the client's mistake is the parameter, so it is named in a 400.
 * </ul>
 *
 * Path parameters that do not convert stay 404: a path that names no resource.
 */
public class RequestParameterGuard {

    /** How each endpoint's typed query parameters are checked, found once per method. */
    private final Map<Method, List<TypedQueryParameter>> typedByMethod = new ConcurrentHashMap<>();

    record TypedQueryParameter(String name, String expected, Function<String, ?> parser) {}

    @ServerRequestFilter
    public void check(UriInfo uri, ResourceInfo resource) {
        List<InvalidField> errors = new ArrayList<>();
        disallowedCharacters(uri.getPathParameters(), errors);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        disallowedCharacters(query, errors);
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && !query.isEmpty()) {
            for (TypedQueryParameter typed : typedByMethod.computeIfAbsent(method, RequestParameterGuard::typedOf)) {
                List<String> values = query.get(typed.name());
                if (values == null || values.isEmpty() || hasError(errors, typed.name())) {
                    continue;
                }
                String value = values.get(0);
                try {
                    typed.parser().apply(value);
                } catch (RuntimeException e) {
                    errors.add(new InvalidField(typed.name(), "must be " + typed.expected()));
                }
            }
        }
        if (!errors.isEmpty()) {
            String fields = String.join(
                    ", ", errors.stream().map(InvalidField::field).distinct().toList());
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED, "Invalid parameters: " + fields, errors, Map.of());
        }
    }

    private static void disallowedCharacters(MultivaluedMap<String, String> parameters, List<InvalidField> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (TextRules.firstDisallowed(name, TextRules.Breaks.REFUSED) >= 0) {
                errors.add(new InvalidField(
                        "(parameter name)",
                        "a parameter name must not contain control or bidirectional formatting characters"));
                continue;
            }
            for (String value : parameter.getValue()) {
                int at = TextRules.firstDisallowed(value, TextRules.Breaks.REFUSED);
                if (at >= 0) {
                    errors.add(new InvalidField(name, TextRules.describe(value, at)));
                    break;
                }
            }
        }
    }

    private static boolean hasError(List<InvalidField> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** The query parameters of a method (and of its {@code @BeanParam} classes) that must parse. */
    static List<TypedQueryParameter> typedOf(Method method) {
        List<TypedQueryParameter> typed = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            add(parameter, parameter.getType(), typed);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType();
                        type != null && type != Object.class;
                        type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        add(field, field.getType(), typed);
                    }
                }
            }
        }
        return List.copyOf(typed);
    }

    private static void add(AnnotatedElement element, Class<?> type, List<TypedQueryParameter> typed) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query == null) {
            return;
        }
        String name = query.value();
        if (type == int.class || type == Integer.class) {
            typed.add(
                    new TypedQueryParameter(name, "a whole number from -2147483648 to 2147483647", Integer::parseInt));
        } else if (type == long.class || type == Long.class) {
            typed.add(new TypedQueryParameter(name, "a whole number", Long::parseLong));
        } else if (type == short.class || type == Short.class) {
            typed.add(new TypedQueryParameter(name, "a whole number from -32768 to 32767", Short::parseShort));
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            typed.add(new TypedQueryParameter(name, "a number", Double::parseDouble));
        } else if (type == BigDecimal.class) {
            typed.add(new TypedQueryParameter(name, "a number", BigDecimal::new));
        } else if (type == UUID.class) {
            typed.add(new TypedQueryParameter(name, "a UUID", RequestParameterGuard::uuid));
        }
    }

    /** {@link UUID#fromString} accepts shortened forms such as {@code 1-1-1-1-1}; ids are 36 characters. */
    private static UUID uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }
}
