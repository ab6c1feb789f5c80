package io.depotops.contracts.notifications;

/** The headers of a webhook notification of manage-incidents. */
public final class WebhookHeaders {

    /** The delivery's stable id: the same on every attempt of one delivery. */
    public static final String DELIVERY_ID = "X-Depotops-Delivery-Id";

    /**
     * {@code sha256=<hex>}: HMAC-SHA256 of the exact body bytes under the channel's secret. A
     * receiver recomputes it and compares in constant time before trusting the body.
     */
    public static final String SIGNATURE = "X-Depotops-Signature";

    public static final String SIGNATURE_PREFIX = "sha256=";

    private WebhookHeaders() {}
}
