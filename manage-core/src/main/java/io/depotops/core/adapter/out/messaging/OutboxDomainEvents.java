package io.depotops.core.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.registry.RegistryChangedV1;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.Vehicle;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Core's facts as CloudEvents through the outbox: {@code core.<aggregate>.<change>.v1}, with the
 * aggregate's public state as data (never secrets such as password hashes).
 */
@ApplicationScoped
class OutboxDomainEvents implements DomainEvents {

    private static final String SOURCE = "/manage-core";

    private final Outbox outbox;
    private final ObjectMapper json;

    OutboxDomainEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void depotChanged(Depot depot, Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("depotId", depot.id());
        data.put("name", depot.name());
        data.put("timeZone", depot.timeZone().getId());
        data.put("version", depot.version());
        append("depot", depot.id(), depot.workspaceId(), change, data);
    }

    @Override
    public void siteChanged(Site site, Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siteId", site.id());
        data.put("depotId", site.depotId());
        data.put("name", site.name());
        data.put("gridCapacityKw", site.gridCapacityKw());
        data.put("version", site.version());
        append("site", site.id(), site.workspaceId(), change, data);
    }

    @Override
    public void chargerChanged(Charger charger, Change change) {
        append("charger", charger.id(), charger.workspaceId(), change, chargerData(charger));
    }

    @Override
    public void vehicleChanged(Vehicle vehicle, Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vehicleId", vehicle.id());
        data.put("depotId", vehicle.depotId());
        data.put("vin", vehicle.vin());
        data.put("fleetNumber", vehicle.fleetNumber());
        data.put("batteryKwh", vehicle.batteryKwh());
        data.put("version", vehicle.version());
        append("vehicle", vehicle.id(), vehicle.workspaceId(), change, data);
    }

    @Override
    public void registryChanged(UUID workspaceId, long seq) {
        // One aggregate for the whole feed: announcements reach connect in sequence order.
        try {
            CloudEvent event = DepotopsEvents.create(
                    EventTypes.CORE_REGISTRY_CHANGED_V1,
                    SOURCE,
                    "registry-" + seq,
                    workspaceId.toString(),
                    json.writeValueAsBytes(new RegistryChangedV1(seq)));
            outbox.append(OutboxMessage.event(event, "registry", "feed"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "event " + EventTypes.CORE_REGISTRY_CHANGED_V1 + " could not be written", e);
        }
    }

    @Override
    public void vehicleTelemetryUpdated(Vehicle vehicle, TelematicsObservation observation) {
        vehiclesTelemetryUpdated(List.of(new VehicleObservation(vehicle, observation)));
    }

    @Override
    public void vehiclesTelemetryUpdated(List<VehicleObservation> updated) {
        List<OutboxMessage> messages = new ArrayList<>(updated.size());
        for (VehicleObservation one : updated) {
            Vehicle vehicle = one.vehicle();
            messages.add(message(
                    "telematics",
                    vehicle.id(),
                    vehicle.workspaceId(),
                    "vehicle-updated",
                    telemetryData(vehicle, one.observation())));
        }
        outbox.appendAll(messages);
    }

    private static Map<String, Object> telemetryData(Vehicle vehicle, TelematicsObservation observation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vehicleId", vehicle.id());
        data.put("depotId", vehicle.depotId());
        data.put("provider", observation.provider());
        data.put("observedAt", observation.observedAt().toString());
        data.put("stateOfChargePercent", observation.stateOfChargePercent());
        data.put("pluggedIn", observation.pluggedIn());
        data.put("chargingState", observation.chargingState());
        data.put("remainingRangeKm", observation.remainingRangeKm());
        return data;
    }

    @Override
    public void vehicleTelemetryStale(Vehicle vehicle, TelematicsObservation last, java.time.Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vehicleId", vehicle.id());
        data.put("depotId", vehicle.depotId());
        data.put("provider", last.provider());
        data.put("lastObservedAt", last.observedAt().toString());
        data.put(
                "silentSeconds",
                java.time.Duration.between(last.observedAt(), now).toSeconds());
        append("telematics", vehicle.id(), vehicle.workspaceId(), "vehicle-stale", data);
    }

    @Override
    public void transactionStarted(ChargingTransaction transaction) {
        append("transaction", transaction.workspaceId(), transaction, "started", transactionData(transaction));
    }

    @Override
    public void transactionEnded(ChargingTransaction transaction) {
        append("transaction", transaction.workspaceId(), transaction, "ended", transactionData(transaction));
    }

    private void append(
            String aggregate,
            UUID workspaceId,
            ChargingTransaction transaction,
            String fact,
            Map<String, Object> data) {
        String type = "core." + aggregate + "." + fact + ".v1";
        try {
            String id = Long.toString(transaction.id());
            CloudEvent event =
                    DepotopsEvents.create(type, SOURCE, id, workspaceId.toString(), json.writeValueAsBytes(data));
            outbox.append(OutboxMessage.event(event, aggregate, id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be written", e);
        }
    }

    private static Map<String, Object> transactionData(ChargingTransaction t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", t.id());
        data.put("chargerId", t.chargerId());
        data.put("chargePointId", t.chargePointId());
        data.put("evseId", t.evseId());
        data.put("connectorId", t.connectorId());
        data.put("vehicleId", t.vehicleId());
        data.put("startedAt", t.startedAt().toString());
        data.put("endedAt", t.endedAt() == null ? null : t.endedAt().toString());
        data.put("energyWh", t.energyWh());
        data.put("stopReason", t.stopReason());
        return data;
    }

    private static Map<String, Object> chargerData(Charger charger) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chargerId", charger.id());
        data.put("chargePointId", charger.chargePointId());
        data.put("siteId", charger.siteId());
        data.put("ocppVersion", charger.ocppVersion().label());
        data.put("maxPowerKw", charger.maxPowerKw());
        data.put("bootStatus", charger.bootStatus().name());
        data.put("connectors", charger.connectors().size());
        data.put("version", charger.version());
        return data;
    }

    private void append(String aggregate, UUID id, UUID workspaceId, Change change, Map<String, Object> data) {
        append(aggregate, id, workspaceId, change.name().toLowerCase(Locale.ROOT), data);
    }

    private void append(String aggregate, UUID id, UUID workspaceId, String fact, Map<String, Object> data) {
        outbox.append(message(aggregate, id, workspaceId, fact, data));
    }

    private OutboxMessage message(String aggregate, UUID id, UUID workspaceId, String fact, Map<String, Object> data) {
        String type = "core." + aggregate + "." + fact + ".v1";
        try {
            CloudEvent event = DepotopsEvents.create(
                    type, SOURCE, id.toString(), workspaceId.toString(), json.writeValueAsBytes(data));
            return OutboxMessage.event(event, aggregate, id.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be written", e);
        }
    }
}
