package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.TransactionService;
import io.depotops.core.domain.ChargingTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/transactions")
@Tag(name = "Charging transactions")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class TransactionResource {

    public record TransactionView(
            long id,
            UUID chargerId,
            String chargePointId,
            int evseId,
            int connectorId,
            @Schema(nullable = true) UUID vehicleId,
            @Schema(nullable = true) String idToken,
            @Schema(nullable = true) String authorizationStatus,
            String status,
            Instant startedAt,
            @Schema(nullable = true) Instant endedAt,
            long durationSeconds,
            @Schema(nullable = true) BigDecimal energyKwh,
            long meterStartWh,
            @Schema(nullable = true) Long meterStopWh,
            @Schema(nullable = true) String stopReason) {

        static TransactionView of(ChargingTransaction t) {
            return new TransactionView(
                    t.id(),
                    t.chargerId(),
                    t.chargePointId(),
                    t.evseId(),
                    t.connectorId(),
                    t.vehicleId(),
                    t.idToken(),
                    t.authorizationStatus(),
                    t.active() ? "Active" : "Ended",
                    t.startedAt(),
                    t.endedAt(),
                    t.duration(Instant.now()).toSeconds(),
                    BigDecimal.valueOf(t.energyWh()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP),
                    t.meterStartWh(),
                    t.meterStopWh(),
                    t.stopReason());
        }
    }

    private final TransactionService transactions;
    private final WorkspaceAccess access;

    TransactionResource(TransactionService transactions, WorkspaceAccess access) {
        this.transactions = transactions;
        this.access = access;
    }

    @GET
    public PageView<TransactionView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("chargerId") String chargerId,
            @QueryParam("vehicleId") String vehicleId,
            @QueryParam("status") String status) {
        if (params.sort == null) {
            params.sort = "-startedAt";
        }
        Map<String, String> filters = Map.of(
                "chargerId", nullToEmpty(chargerId),
                "vehicleId", nullToEmpty(vehicleId),
                "status", nullToEmpty(status));
        return PageView.of(
                transactions.list(access.require(workspaceId), params.toQuery(filters)), TransactionView::of);
    }

    @GET
    @Path("/{id}")
    public TransactionView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") long id) {
        return TransactionView.of(transactions.get(access.require(workspaceId), id));
    }
}
