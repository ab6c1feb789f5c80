package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.load.LoadManagementService;
import io.depotops.core.application.load.LoadManagementStore.ManagedSite;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Allocates every managed site again at a fixed pace, so that a site whose meter went silent falls
 * back to the conservative limits without waiting for an event, and sessions that started or ended
 * get their share. One site's failure does not stop the others.
 */
@ApplicationScoped
class LoadAllocationJob {

    private static final Logger LOG = Logger.getLogger(LoadAllocationJob.class);

    private final LoadManagementService loads;

    LoadAllocationJob(LoadManagementService loads) {
        this.loads = loads;
    }

    @Scheduled(every = "${depotops.load.tick:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reallocate() {
        for (ManagedSite site : loads.managedSites()) {
            try {
                loads.allocate(site.workspaceId(), site.siteId());
            } catch (RuntimeException e) {
                LOG.warnf(e, "allocation of site %s failed; next tick tries again", site.siteId());
            }
        }
    }
}
