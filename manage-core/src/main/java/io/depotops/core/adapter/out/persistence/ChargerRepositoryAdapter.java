package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.domain.BootStatus;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.Connector;
import io.depotops.core.domain.ConnectorType;
import io.depotops.core.domain.OcppVersion;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ChargerRepositoryAdapter extends TenantRepositoryAdapter<ChargerEntity, Charger> implements ChargerRepository {

    private final KeysetPager<ChargerEntity, Charger> pager = new KeysetPager<>(
            ChargerEntity.class,
            Map.of(
                    "createdAt", Field.instant("createdAt"),
                    "chargePointId", Field.text("chargePointId"),
                    "maxPowerKw", Field.decimal("maxPowerKw")),
            Map.of(
                    "siteId", Field.uuid("siteId"),
                    "status", Field.text("status"),
                    "ocppVersion", Field.text("ocppVersion"),
                    "bootStatus", Field.text("bootStatus")),
            e -> Map.of("createdAt", e.createdAt, "chargePointId", e.chargePointId, "maxPowerKw", e.maxPowerKw),
            e -> e.id,
            this::toDomain);

    ChargerRepositoryAdapter() {
        super(ChargerEntity.class, "charger");
    }

    @Override
    public Optional<Charger> findByChargePointId(String chargePointId) {
        return ChargerEntity.<ChargerEntity>find("chargePointId", chargePointId)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    ChargerEntity newEntity() {
        return new ChargerEntity();
    }

    @Override
    void copy(Charger from, ChargerEntity to) {
        to.siteId = from.siteId();
        to.chargePointId = from.chargePointId();
        to.vendor = from.vendor();
        to.model = from.model();
        to.ocppVersion = from.ocppVersion().label();
        to.securityProfile = from.securityProfile();
        to.passwordHash = from.passwordHash();
        to.maxPowerKw = from.maxPowerKw();
        to.status = from.status();
        to.bootStatus = from.bootStatus().name();
        to.lastBootAt = from.lastBootAt();
        to.firmwareVersion = from.firmwareVersion();
        to.serialNumber = from.serialNumber();
        to.connectors.clear();
        for (Connector connector : from.connectors()) {
            ConnectorEmbeddable row = new ConnectorEmbeddable();
            row.evseId = connector.evseId();
            row.connectorId = connector.connectorId();
            row.type = connector.type().name();
            row.maxPowerKw = connector.maxPowerKw();
            row.status = connector.status();
            row.statusUpdatedAt = connector.statusUpdatedAt();
            to.connectors.add(row);
        }
    }

    @Override
    Charger toDomain(ChargerEntity e) {
        return new Charger(
                e.id,
                e.workspaceId,
                e.siteId,
                e.chargePointId,
                e.vendor,
                e.model,
                OcppVersion.fromLabel(e.ocppVersion),
                e.securityProfile,
                e.passwordHash,
                e.maxPowerKw,
                e.status,
                BootStatus.valueOf(e.bootStatus),
                e.lastBootAt,
                e.firmwareVersion,
                e.serialNumber,
                e.connectors.stream()
                        .map(c -> new Connector(
                                c.evseId,
                                c.connectorId,
                                ConnectorType.valueOf(c.type),
                                c.maxPowerKw,
                                c.status,
                                c.statusUpdatedAt))
                        .toList(),
                e.createdAt,
                e.version);
    }

    @Override
    UUID idOf(Charger resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(Charger resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<ChargerEntity, Charger> pager() {
        return pager;
    }
}
