package io.depotops.incidents.domain.notification;

import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.label.LabelMatcher;
import io.depotops.incidents.domain.rule.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a workspace's incidents are sent: a webhook (the body signed with HMAC-SHA256 under the
 * channel's secret) or email. It takes the incidents of at least {@code minSeverity} whose labels
 * match every matcher, repeats while one stays open ({@code repeatInterval}, none when null), and
 * gives a delivery up after {@code maxAttempts}.
 */
public record NotificationChannel(
        UUID id,
        UUID workspaceId,
        String name,
        ChannelType type,
        URI webhookUrl,
        String webhookSecret,
        List<String> emailTo,
        List<LabelMatcher> matchers,
        Severity minSeverity,
        Duration repeatInterval,
        int maxAttempts,
        Instant createdAt) {

    public enum ChannelType {
        WEBHOOK,
        EMAIL
    }

    /** Shortest secret accepted: 128 bits of a random hex or base64 string. */
    public static final int MIN_SECRET_LENGTH = 16;

    public NotificationChannel {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        emailTo = emailTo == null ? List.of() : List.copyOf(emailTo);
        if (type == null) {
            throw new IllegalArgumentException("type: WEBHOOK or EMAIL");
        }
        if (type == ChannelType.WEBHOOK) {
            if (webhookUrl == null
                    || !webhookUrl.isAbsolute()
                    || webhookUrl.getHost() == null
                    || !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))) {
                throw new IllegalArgumentException("webhookUrl: an absolute http or https URL");
            }
            if (webhookSecret == null || webhookSecret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(
                        "webhookSecret: at least " + MIN_SECRET_LENGTH + " characters (the signature's key)");
            }
        } else {
            if (emailTo.isEmpty()) {
                throw new IllegalArgumentException("emailTo: at least one address");
            }
            for (String address : emailTo) {
                if (address == null || !address.matches("[^@\\s<>]+@[^@\\s<>]+")) {
                    throw new IllegalArgumentException("emailTo: '" + address + "' is not an address");
                }
            }
        }
        if (minSeverity == null) {
            minSeverity = Severity.INFO;
        }
        if (repeatInterval != null && (repeatInterval.isNegative() || repeatInterval.isZero())) {
            throw new IllegalArgumentException("repeatIntervalSeconds: positive, or absent for no repeat");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: at least 1");
        }
    }

    /** Whether this channel takes the incident: severe enough, and every matcher holds. */
    public boolean routes(Incident incident) {
        return incident.severity().ordinal() <= minSeverity.ordinal()
                && LabelMatcher.allMatch(matchers, incident.matchLabels());
    }
}
