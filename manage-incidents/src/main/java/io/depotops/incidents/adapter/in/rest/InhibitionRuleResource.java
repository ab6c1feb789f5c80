package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.inhibition.InhibitionService;
import io.depotops.incidents.application.inhibition.InhibitionService.InhibitionDraft;
import io.depotops.incidents.domain.inhibition.InhibitionRule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Inhibition rules: the built-in ones (listed, read-only) and the workspace's own, which admins
 * and operators create and delete.
 */
@Path("/api/v1/workspaces/{workspaceId}/inhibition-rules")
@Tag(name = "Inhibition rules")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class InhibitionRuleResource {

    public record InhibitionRuleRequest(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull LabelMatcherRequest> sourceMatchers,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull LabelMatcherRequest> targetMatchers,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> equal) {}

    public record InhibitionRuleView(
            UUID id,
            String name,
            List<LabelMatcherRequest> sourceMatchers,
            List<LabelMatcherRequest> targetMatchers,
            List<String> equal,
            boolean builtIn) {

        static InhibitionRuleView of(InhibitionRule rule) {
            return new InhibitionRuleView(
                    rule.id(),
                    rule.name(),
                    LabelMatcherRequest.of(rule.sourceMatchers()),
                    LabelMatcherRequest.of(rule.targetMatchers()),
                    rule.equal(),
                    rule.builtIn());
        }
    }

    private final InhibitionService rules;
    private final WorkspaceAccess access;

    InhibitionRuleResource(InhibitionService rules, WorkspaceAccess access) {
        this.rules = rules;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new rule",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = InhibitionRuleView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull InhibitionRuleRequest request, UriInfo uri) {
        InhibitionRule rule = rules.create(
                access.require(workspaceId),
                new InhibitionDraft(
                        request.name(),
                        LabelMatcherRequest.toDomain("sourceMatchers", request.sourceMatchers()),
                        LabelMatcherRequest.toDomain("targetMatchers", request.targetMatchers()),
                        request.equal()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                .entity(InhibitionRuleView.of(rule))
                .build();
    }

    @GET
    public List<InhibitionRuleView> list(@PathParam("workspaceId") UUID workspaceId) {
        return rules.list(access.require(workspaceId)).stream()
                .map(InhibitionRuleView::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        rules.delete(access.require(workspaceId), id);
        return Response.noContent().build();
    }
}
