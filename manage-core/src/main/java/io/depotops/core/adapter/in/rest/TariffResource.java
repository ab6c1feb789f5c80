package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.plan.TariffService;
import io.depotops.core.application.plan.TariffService.TariffDraft;
import io.depotops.core.domain.plan.Tariff;
import io.depotops.core.domain.plan.Tariff.Band;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's tariff (issue 10): one per site, replaced whole with PUT, guarded by its ETag. */
@Path("/api/v1/workspaces/{workspaceId}/sites/{siteId}/tariff")
@Tag(name = "Tariffs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class TariffResource {

    /** A time band: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive, 00:00: midnight). */
    public record BandRequest(
            @NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> days,

            @NotNull
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "07:00")
            LocalTime from,

            @NotNull
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "22:00")
            LocalTime to,

            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal pricePerKwh) {

        Band toBand() {
            return new Band(new HashSet<>(days), from, to, pricePerKwh);
        }
    }

    public record TariffRequest(
            @NotNull @Size(max = 100) List<@Valid @NotNull BandRequest> bands,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal defaultPricePerKwh,
            @NotNull @DecimalMin("0") @DecimalMax("100000") BigDecimal demandChargePerKw) {

        TariffDraft toDraft() {
            return new TariffDraft(
                    bands.stream().map(BandRequest::toBand).toList(), defaultPricePerKwh, demandChargePerKw);
        }
    }

    public record BandView(List<DayOfWeek> days, String from, String to, BigDecimal pricePerKwh) {}

    public record TariffView(
            UUID siteId,
            List<BandView> bands,
            BigDecimal defaultPricePerKwh,
            BigDecimal demandChargePerKw,
            Instant updatedAt,
            long version) {

        static TariffView of(Tariff tariff) {
            return new TariffView(
                    tariff.siteId(),
                    tariff.bands().stream()
                            .map(b -> new BandView(
                                    b.days().stream().sorted().toList(),
                                    b.from().toString(),
                                    b.to().toString(),
                                    b.pricePerKwh()))
                            .toList(),
                    tariff.defaultPricePerKwh(),
                    tariff.demandChargePerKw(),
                    tariff.updatedAt(),
                    tariff.version());
        }
    }

    private final TariffService tariffs;
    private final WorkspaceAccess access;

    TariffResource(TariffService tariffs, WorkspaceAccess access) {
        this.tariffs = tariffs;
        this.access = access;
    }

    @GET
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("siteId") UUID siteId) {
        Tariff tariff = tariffs.get(access.require(workspaceId), siteId);
        return Etags.ok(tariff.version(), TariffView.of(tariff));
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Set the site's tariff: without If-Match while it has none, then with its ETag")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TariffView.class)))
    public Response put(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("siteId") UUID siteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TariffRequest request) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.requiredVersion(ifMatch);
        Tariff tariff = tariffs.put(access.require(workspaceId), siteId, expected, request.toDraft());
        return Etags.ok(tariff.version(), TariffView.of(tariff));
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("siteId") UUID siteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        tariffs.delete(access.require(workspaceId), siteId, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
