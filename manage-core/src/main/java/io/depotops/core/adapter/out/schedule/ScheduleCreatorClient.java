package io.depotops.core.adapter.out.schedule;

import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.contracts.schedule.ScheduleV1;
import io.depotops.platform.serviceauth.CallsService;
import io.depotops.platform.serviceauth.ServiceTokenClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * schedule-creator's internal listener ({@code quarkus.rest-client.schedule-creator.url}), each
 * call with core's service token (ADR 0008).
 */
@RegisterRestClient(configKey = "schedule-creator")
@RegisterProvider(ServiceTokenClientFilter.class)
@CallsService("schedule-creator")
@Path("/internal/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ScheduleCreatorClient {

    @POST
    ScheduleV1 create(ScheduleRequestV1 request);
}
