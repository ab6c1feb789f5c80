package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.ChargerFactsStore;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ChargerFactsStoreAdapter implements ChargerFactsStore {

    @Override
    public Optional<UUID> siteOf(String chargePointId) {
        List<?> sites = Panache.getEntityManager()
                .createNativeQuery("select site_id from charger where charge_point_id = ?1")
                .setParameter(1, chargePointId)
                .getResultList();
        return sites.stream().findFirst().map(UUID.class::cast);
    }

    @Override
    public boolean connectorStatus(String chargePointId, int evseId, int connectorId, String status, Instant at) {
        return Panache.getEntityManager()
                        .createNativeQuery("""
                                update connector set status = ?1, status_updated_at = ?2
                                where charger_id = (select id from charger where charge_point_id = ?3)
                                  and evse_id = ?4 and connector_id = ?5
                                  and (status_updated_at is null or status_updated_at < ?2)
                                """)
                        .setParameter(1, status)
                        .setParameter(2, at)
                        .setParameter(3, chargePointId)
                        .setParameter(4, evseId)
                        .setParameter(5, connectorId)
                        .executeUpdate()
                > 0;
    }

    @Override
    public boolean chargerStatus(String chargePointId, String status, Instant at) {
        return Panache.getEntityManager()
                        .createNativeQuery("""
                                update charger set status = ?1, status_updated_at = ?2
                                where charge_point_id = ?3
                                  and (status_updated_at is null or status_updated_at < ?2)
                                """)
                        .setParameter(1, status)
                        .setParameter(2, at)
                        .setParameter(3, chargePointId)
                        .executeUpdate()
                > 0;
    }

    @Override
    public boolean connectivity(String chargePointId, boolean online, Instant at) {
        return Panache.getEntityManager()
                        .createNativeQuery("""
                                update charger set online = ?1, online_changed_at = ?2
                                where charge_point_id = ?3
                                  and (online_changed_at is null or online_changed_at < ?2)
                                """)
                        .setParameter(1, online)
                        .setParameter(2, at)
                        .setParameter(3, chargePointId)
                        .executeUpdate()
                > 0;
    }

    @Override
    public boolean booted(
            String chargePointId, String bootStatus, String firmwareVersion, String serialNumber, Instant at) {
        return Panache.getEntityManager()
                        .createNativeQuery("""
                                update charger set boot_status = ?1, last_boot_at = ?2,
                                       firmware_version = ?3, serial_number = ?4
                                where charge_point_id = ?5
                                  and (last_boot_at is null or last_boot_at < ?2)
                                """)
                        .setParameter(1, bootStatus)
                        .setParameter(2, at)
                        .setParameter(3, firmwareVersion)
                        .setParameter(4, serialNumber)
                        .setParameter(5, chargePointId)
                        .executeUpdate()
                > 0;
    }
}
