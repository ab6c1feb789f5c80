package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.registry.RegistryEntryV1;
import io.depotops.contracts.registry.RegistryPageV1;
import io.depotops.contracts.registry.RegistryPaths;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.RegistryService;
import io.depotops.core.domain.RegistryEntry;
import io.depotops.core.domain.RegistryEntry.ChargerEntry;
import io.depotops.core.domain.RegistryEntry.IdTokenEntry;
import io.depotops.platform.serviceauth.InternalApi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The registry feed manage-connect admits chargers and authorises tokens with (ADR 0010). Served
 * only on the internal listener, to connect's service token: it carries password verifiers.
 */
@Path(RegistryPaths.BASE)
@Tag(name = "Registry feed (internal)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@InternalApi(callers = "manage-connect")
public class RegistryResource {

    private final RegistryService registry;

    RegistryResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Path(RegistryPaths.CHANGES)
    public RegistryPageV1 changes(
            @QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("500") int limit) {
        RegistryEntry.Slice slice = registry.changesAfter(after, limit);
        return new RegistryPageV1(
                slice.entries().stream().map(RegistryResource::toContract).toList(), slice.head());
    }

    @GET
    @Path(RegistryPaths.CHARGER)
    public RegistryEntryV1 charger(@PathParam("chargePointId") String chargePointId) {
        return registry.charger(chargePointId)
                .map(RegistryResource::toContract)
                .orElseThrow(() -> new NotFoundException("charger", chargePointId));
    }

    @GET
    @Path(RegistryPaths.ID_TOKEN)
    public RegistryEntryV1 idToken(@PathParam("workspaceId") UUID workspaceId, @PathParam("idToken") String idToken) {
        return registry.idToken(workspaceId, idToken)
                .map(RegistryResource::toContract)
                .orElseThrow(() -> new NotFoundException("idToken", idToken));
    }

    static RegistryEntryV1 toContract(RegistryEntry entry) {
        return switch (entry) {
            case ChargerEntry charger ->
                new RegistryEntryV1(
                        charger.seq(),
                        RegistryEntryV1.Kind.CHARGER,
                        charger.workspaceId(),
                        charger.key(),
                        charger.removed(),
                        charger.ocppVersion() == null
                                ? null
                                : charger.ocppVersion().label(),
                        charger.securityProfile(),
                        charger.passwordVerifier(),
                        null);
            case IdTokenEntry token ->
                new RegistryEntryV1(
                        token.seq(),
                        RegistryEntryV1.Kind.ID_TOKEN,
                        token.workspaceId(),
                        token.key(),
                        token.removed(),
                        null,
                        null,
                        null,
                        token.vehicleId());
        };
    }
}
