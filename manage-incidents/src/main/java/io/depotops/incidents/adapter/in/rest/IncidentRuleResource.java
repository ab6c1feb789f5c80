package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.rule.RuleDraft;
import io.depotops.incidents.application.rule.RuleService;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.RuleTemplate;
import io.depotops.incidents.domain.rule.Severity;
import io.depotops.platform.http.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's incident rules: admins and operators write them, every role reads them. Each
 * write is checked (the CEL expressions compile against the {@code event} variable) and versioned
 * ({@code ETag}, {@code If-Match}).
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Incident rules")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class IncidentRuleResource {

    /** A rule as sent; {@code dedupKey} defaults to {@code event.subject} (per rule). */
    public record RuleRequest(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) Set<@NotBlank String> eventTypes,
            @NotBlank @Size(max = 4000) String condition,
            @NotNull @Min(0) @Max(604800) Integer forSeconds,
            @Size(max = 1000) String dedupKey,
            @NotNull Severity severity,
            @Size(max = 4000) String resolveCondition,
            @Size(max = 50) Map<@NotBlank String, @NotNull String> labels) {

        RuleDraft toDraft() {
            return new RuleDraft(
                    name,
                    eventTypes,
                    condition,
                    forSeconds,
                    dedupKey,
                    severity,
                    resolveCondition,
                    labels == null ? Map.of() : labels);
        }
    }

    public record RuleView(
            UUID id,
            String name,
            Set<String> eventTypes,
            String condition,
            int forSeconds,
            @Schema(nullable = true) String dedupKey,
            Severity severity,
            @Schema(nullable = true) String resolveCondition,
            @Schema(nullable = true) Map<String, String> labels,
            @Schema(nullable = true) String templateId,
            Instant createdAt,
            @Schema(nullable = true) Instant updatedAt,
            long version) {

        static RuleView of(IncidentRule rule) {
            return new RuleView(
                    rule.id(),
                    rule.name(),
                    rule.eventTypes(),
                    rule.condition(),
                    rule.forSeconds(),
                    rule.dedupKey(),
                    rule.severity(),
                    rule.resolveCondition(),
                    rule.labels(),
                    rule.templateId(),
                    rule.createdAt(),
                    rule.updatedAt(),
                    rule.version());
        }
    }

    /** Installing a built-in rule: each field overrides the template's. */
    public record InstallRequest(
            @Min(0) @Max(604800) Integer forSeconds,
            Severity severity,
            @Size(max = 200) String name) {}

    private final RuleService rules;
    private final WorkspaceAccess access;

    IncidentRuleResource(RuleService rules, WorkspaceAccess access) {
        this.rules = rules;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new rule",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @POST
    @Path("/incident-rules")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull RuleRequest request, UriInfo uri) {
        IncidentRule rule = rules.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, rulesPath(workspaceId), rule.id(), rule.version(), RuleView.of(rule));
    }

    @GET
    @Path("/incident-rules")
    public List<RuleView> list(@PathParam("workspaceId") UUID workspaceId) {
        return rules.list(access.require(workspaceId)).stream()
                .map(RuleView::of)
                .toList();
    }

    @APIResponse(
            responseCode = "200",
            description = "The rule; its ETag is its version",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @GET
    @Path("/incident-rules/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        IncidentRule rule = rules.get(access.require(workspaceId), id);
        return Etags.ok(rule.version(), RuleView.of(rule));
    }

    @APIResponse(
            responseCode = "200",
            description = "The rule as changed; its ETag is its version",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @PUT
    @Path("/incident-rules/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RuleRequest request) {
        IncidentRule rule =
                rules.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(rule.version(), RuleView.of(rule));
    }

    @DELETE
    @Path("/incident-rules/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rules.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    /** The built-in rules, as data, ready to install. */
    @GET
    @Path("/incident-rule-templates")
    public List<RuleTemplate> templates(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        return rules.templates();
    }

    /** Installs a built-in rule in the workspace (201 with the new rule). */
    @APIResponse(
            responseCode = "201",
            description = "Installed; Location names the new rule",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @POST
    @Path("/incident-rule-templates/{templateId}/install")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response install(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("templateId") String templateId,
            @Valid InstallRequest request,
            UriInfo uri) {
        InstallRequest overrides = request == null ? new InstallRequest(null, null, null) : request;
        IncidentRule rule = rules.install(
                access.require(workspaceId),
                templateId,
                overrides.forSeconds(),
                overrides.severity(),
                overrides.name());
        return Etags.created(uri, rulesPath(workspaceId), rule.id(), rule.version(), RuleView.of(rule));
    }

    private static String rulesPath(UUID workspaceId) {
        return "/api/v1/workspaces/" + workspaceId + "/incident-rules";
    }
}
