package io.depotops.core.application.plan;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.domain.plan.Tariff;
import io.depotops.core.domain.plan.Tariff.Band;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The tariff of each site: one per site, replaced whole. */
@ApplicationScoped
public class TariffService {

    /** What a client sets; {@code bands} may be empty (a flat price). */
    public record TariffDraft(List<Band> bands, BigDecimal defaultPricePerKwh, BigDecimal demandChargePerKw) {}

    private final TariffRepository tariffs;
    private final SiteRepository sites;

    TariffService(TariffRepository tariffs, SiteRepository sites) {
        this.tariffs = tariffs;
        this.sites = sites;
    }

    public Tariff get(UUID workspaceId, UUID siteId) {
        requireSite(workspaceId, siteId);
        return tariffs.find(workspaceId, siteId).orElseThrow(() -> new NotFoundException("tariff of site", siteId));
    }

    /**
     * Sets the site's tariff: without {@code expectedVersion} only when it has none yet (else 412
     * with the current version), with it only over that version.
     *
     * @return the stored tariff; {@code version} 0 when it was created
     */
    @Transactional
    public Tariff put(UUID workspaceId, UUID siteId, Long expectedVersion, TariffDraft draft) {
        requireSite(workspaceId, siteId);
        check(draft);
        var current = tariffs.find(workspaceId, siteId);
        if (current.isEmpty()) {
            if (expectedVersion != null) {
                throw new NotFoundException("tariff of site", siteId);
            }
            return tariffs.insert(new Tariff(
                    siteId,
                    workspaceId,
                    draft.bands(),
                    draft.defaultPricePerKwh(),
                    draft.demandChargePerKw(),
                    Instant.now(),
                    0));
        }
        if (expectedVersion == null) {
            throw new StaleVersionException("tariff", current.get().version());
        }
        return tariffs.update(
                new Tariff(
                        siteId,
                        workspaceId,
                        draft.bands(),
                        draft.defaultPricePerKwh(),
                        draft.demandChargePerKw(),
                        Instant.now(),
                        current.get().version()),
                expectedVersion);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID siteId, long expectedVersion) {
        get(workspaceId, siteId);
        tariffs.delete(workspaceId, siteId, expectedVersion);
    }

    /** What bean validation cannot see: each band's times in order, and no two bands overlapping. */
    private static void check(TariffDraft draft) {
        List<Band> bands = draft.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (!band.to().equals(LocalTime.MIDNIGHT) && !band.from().isBefore(band.to())) {
                throw new InvalidInputException(
                        "bands[" + i + "].to", "must be after from (00:00 means midnight at the end of the day)");
            }
            for (int j = 0; j < i; j++) {
                if (bands.get(j).overlaps(band)) {
                    throw new InvalidInputException(
                            "bands[" + i + "]", "overlaps bands[" + j + "] on a shared day: a moment has one price");
                }
            }
        }
    }

    private void requireSite(UUID workspaceId, UUID siteId) {
        if (sites.find(workspaceId, siteId).isEmpty()) {
            throw new NotFoundException("site", siteId);
        }
    }
}
