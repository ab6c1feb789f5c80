package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.InvalidInputException.FieldProblem;
import io.depotops.incidents.domain.label.LabelMatcher;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A label matcher as sent and shown: {@code {"name": "siteId", "operator": "=~", "value": "north-.*"}}. */
public record LabelMatcherRequest(
        @NotNull @Size(min = 1, max = 100) String name,

        @Schema(enumeration = {"=", "!=", "=~", "!~"}) @NotNull @Pattern(regexp = "=|!=|=~|!~")
        String operator,

        @NotNull @Size(max = 1000) String value) {

    static LabelMatcherRequest of(LabelMatcher matcher) {
        return new LabelMatcherRequest(matcher.name(), matcher.operator().symbol(), matcher.value());
    }

    static List<LabelMatcherRequest> of(List<LabelMatcher> matchers) {
        return matchers.stream().map(LabelMatcherRequest::of).toList();
    }

    /** The matchers, or a 400 naming each refused one ({@code matchers[1].value}: not a regular expression). */
    static List<LabelMatcher> toDomain(String field, List<LabelMatcherRequest> requests) {
        List<LabelMatcher> matchers = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LabelMatcherRequest request = requests.get(i);
            try {
                matchers.add(
                        LabelMatcher.of(request.name(), LabelMatcher.Operator.of(request.operator()), request.value()));
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                int colon = message.indexOf(": ");
                problems.add(new FieldProblem(
                        field + "[" + i + "]" + (colon > 0 ? "." + message.substring(0, colon) : ""),
                        colon > 0 ? message.substring(colon + 2) : message));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return matchers;
    }
}
