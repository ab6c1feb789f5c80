package io.depotops.core.adapter.out.persistence.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.plan.TariffRepository;
import io.depotops.core.domain.plan.Tariff;
import io.depotops.core.domain.plan.Tariff.Band;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tariffs in {@code site_tariff}, their bands as JSON. */
@ApplicationScoped
class TariffRepositoryAdapter implements TariffRepository {

    private static final TypeReference<List<Band>> BANDS = new TypeReference<>() {};

    private final ObjectMapper json;

    TariffRepositoryAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Tariff> find(UUID workspaceId, UUID siteId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select cast(bands as text), default_price_per_kwh, demand_charge_per_kw, updated_at,"
                                + " version from site_tariff where workspace_id = ?1 and site_id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, siteId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Tariff(
                    siteId,
                    workspaceId,
                    read((String) c[0]),
                    (BigDecimal) c[1],
                    (BigDecimal) c[2],
                    SqlValues.instant(c[3]),
                    ((Number) c[4]).longValue());
        });
    }

    @Override
    public Tariff insert(Tariff tariff) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into site_tariff (site_id, workspace_id, bands, default_price_per_kwh,"
                                + " demand_charge_per_kw, updated_at, version) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, 0)")
                .setParameter(1, tariff.siteId())
                .setParameter(2, tariff.workspaceId())
                .setParameter(3, write(tariff.bands()))
                .setParameter(4, tariff.defaultPricePerKwh())
                .setParameter(5, tariff.demandChargePerKw())
                .setParameter(6, tariff.updatedAt())
                .executeUpdate();
        return find(tariff.workspaceId(), tariff.siteId()).orElseThrow();
    }

    @Override
    public Tariff update(Tariff tariff, long expectedVersion) {
        int updated = Panache.getEntityManager()
                .createNativeQuery("update site_tariff set bands = cast(?1 as jsonb), default_price_per_kwh = ?2,"
                        + " demand_charge_per_kw = ?3, updated_at = ?4, version = version + 1"
                        + " where workspace_id = ?5 and site_id = ?6 and version = ?7")
                .setParameter(1, write(tariff.bands()))
                .setParameter(2, tariff.defaultPricePerKwh())
                .setParameter(3, tariff.demandChargePerKw())
                .setParameter(4, tariff.updatedAt())
                .setParameter(5, tariff.workspaceId())
                .setParameter(6, tariff.siteId())
                .setParameter(7, expectedVersion)
                .executeUpdate();
        Tariff stored = find(tariff.workspaceId(), tariff.siteId()).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException("tariff", stored.version());
        }
        return stored;
    }

    @Override
    public void delete(UUID workspaceId, UUID siteId, long expectedVersion) {
        int deleted = Panache.getEntityManager()
                .createNativeQuery("delete from site_tariff where workspace_id = ?1 and site_id = ?2 and version = ?3")
                .setParameter(1, workspaceId)
                .setParameter(2, siteId)
                .setParameter(3, expectedVersion)
                .executeUpdate();
        if (deleted == 0) {
            throw new StaleVersionException(
                    "tariff", find(workspaceId, siteId).map(Tariff::version).orElse(-1L));
        }
    }

    private String write(List<Band> bands) {
        try {
            return json.writeValueAsString(bands);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tariff bands not serialisable", e);
        }
    }

    private List<Band> read(String text) {
        try {
            return json.readValue(text, BANDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tariff bands unreadable", e);
        }
    }
}
