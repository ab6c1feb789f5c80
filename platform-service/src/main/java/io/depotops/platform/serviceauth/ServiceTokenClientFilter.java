package io.depotops.platform.serviceauth;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.lang.reflect.Method;

/**
 * Adds this service's token to every call of a REST client interface annotated {@link
 * CallsService} ({@code @RegisterProvider(ServiceTokenClientFilter.class)} on the interface).
 */
@jakarta.inject.Singleton
public class ServiceTokenClientFilter implements ClientRequestFilter {

    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private final ServiceTokens tokens;

    public ServiceTokenClientFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Method method = (Method) request.getProperty(INVOKED_METHOD);
        CallsService target = method == null ? null : method.getDeclaringClass().getAnnotation(CallsService.class);
        if (target == null) {
            throw new IllegalStateException("a client using ServiceTokenClientFilter must be annotated @CallsService");
        }
        request.getHeaders().putSingle("Authorization", "Bearer " + tokens.tokenFor(target.value()));
    }
}
