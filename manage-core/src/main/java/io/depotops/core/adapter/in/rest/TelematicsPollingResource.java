package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.PollPolicyService;
import io.depotops.core.application.PollPolicyService.PolicyDraft;
import io.depotops.core.application.ProviderAccountService;
import io.depotops.core.application.ProviderAccountService.AccountDraft;
import io.depotops.core.domain.PollCutover;
import io.depotops.core.domain.PollPolicy;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderCredentials;
import io.depotops.core.domain.ProviderKind;
import io.depotops.core.domain.ProviderPollHealth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scheduled provider polling of a workspace: its poll policy and its provider accounts. */
@Path("/api/v1/workspaces/{workspaceId}/telematics")
@Tag(name = "Telematics polling")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class TelematicsPollingResource {

    public record PollPolicyRequest(
            @NotNull @Min(30) @Max(3600) Integer intervalSeconds,

            @NotNull
            List<@NotNull @Pattern(regexp = "GEOTAB|SAMSARA", message = "must be GEOTAB or SAMSARA") String>
                    enabledProviders,

            @NotNull @Pattern(regexp = "POLLING|STREAMING|PAUSED", message = "must be POLLING, STREAMING or PAUSED")
            String cutover) {

        PolicyDraft toDraft() {
            return new PolicyDraft(
                    Duration.ofSeconds(intervalSeconds),
                    enabledProviders.stream().map(ProviderKind::valueOf).collect(Collectors.toSet()),
                    PollCutover.valueOf(cutover));
        }
    }

    public record PollPolicyView(
            UUID workspaceId,
            long intervalSeconds,
            List<String> enabledProviders,
            String cutover,
            Instant nextPollAt,
            Instant updatedAt,
            long version) {

        static PollPolicyView of(PollPolicy p) {
            return new PollPolicyView(
                    p.workspaceId(),
                    p.interval().toSeconds(),
                    p.enabledProviders().stream().map(Enum::name).sorted().toList(),
                    p.cutover().name(),
                    p.nextPollAt(),
                    p.updatedAt(),
                    p.version());
        }
    }

    /** Write-only: accepted on create and update, never returned. */
    public record CredentialsRequest(
            @Size(max = 200) String database,
            @Size(max = 200) String userName,
            @Size(max = 500) String password,
            @Size(max = 2000) String apiToken) {

        ProviderCredentials toDomain() {
            return new ProviderCredentials(database, userName, password, apiToken);
        }

        @Override
        public String toString() {
            return "CredentialsRequest[redacted]";
        }
    }

    public record ProviderAccountRequest(
            @NotNull @Pattern(regexp = "GEOTAB|SAMSARA", message = "must be GEOTAB or SAMSARA")
            String kind,

            @NotBlank @Size(max = 500) String baseUrl,
            @Valid CredentialsRequest credentials) {

        AccountDraft toDraft() {
            return new AccountDraft(
                    ProviderKind.valueOf(kind), baseUrl, credentials == null ? null : credentials.toDomain());
        }
    }

    /** Whether credentials are stored, and the last four characters of the secret. */
    public record CredentialsView(boolean set, String last4) {}

    public record ProviderAccountView(
            UUID id,
            String kind,
            String baseUrl,
            CredentialsView credentials,
            ProviderPollHealth health,
            Instant createdAt,
            long version) {

        static ProviderAccountView of(ProviderAccount a) {
            return new ProviderAccountView(
                    a.id(),
                    a.kind().name(),
                    a.baseUrl().toString(),
                    new CredentialsView(true, a.credentialsLast4()),
                    a.health(),
                    a.createdAt(),
                    a.version());
        }
    }

    private final PollPolicyService policies;
    private final ProviderAccountService accounts;
    private final WorkspaceAccess access;

    TelematicsPollingResource(PollPolicyService policies, ProviderAccountService accounts, WorkspaceAccess access) {
        this.policies = policies;
        this.accounts = accounts;
        this.access = access;
    }

    @GET
    @Path("/poll-policy")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The workspace's poll policy (version 0 while none is set: nothing is polled)")
    public Response policy(@PathParam("workspaceId") UUID workspaceId) {
        PollPolicy policy = policies.get(access.require(workspaceId));
        return Etags.ok(policy.version(), PollPolicyView.of(policy));
    }

    @PUT
    @Path("/poll-policy")
    @Operation(summary = "Sets interval, enabled providers and cutover state; If-Match \"0\" sets the first one")
    public Response putPolicy(
            @PathParam("workspaceId") UUID workspaceId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PollPolicyRequest request) {
        PollPolicy policy =
                policies.put(access.require(workspaceId), Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(policy.version(), PollPolicyView.of(policy));
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ProviderAccountView.class)))
    @POST
    @Path("/provider-accounts")
    @Operation(summary = "Registers the workspace's account at a provider; credentials are stored encrypted")
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull ProviderAccountRequest request, UriInfo uri) {
        ProviderAccount account = accounts.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, account.id(), account.version(), ProviderAccountView.of(account));
    }

    @GET
    @Path("/provider-accounts")
    public List<ProviderAccountView> list(@PathParam("workspaceId") UUID workspaceId) {
        return accounts.list(access.require(workspaceId)).stream()
                .map(ProviderAccountView::of)
                .toList();
    }

    @GET
    @Path("/provider-accounts/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        ProviderAccount account = accounts.get(access.require(workspaceId), id);
        return Etags.ok(account.version(), ProviderAccountView.of(account));
    }

    @PUT
    @Path("/provider-accounts/{id}")
    @Operation(summary = "Changes the base URL, and the credentials when they are sent (else they are kept)")
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProviderAccountRequest request) {
        ProviderAccount account =
                accounts.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(account.version(), ProviderAccountView.of(account));
    }

    @DELETE
    @Path("/provider-accounts/{id}")
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        accounts.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
