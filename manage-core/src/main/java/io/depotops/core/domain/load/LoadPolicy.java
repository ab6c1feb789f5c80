package io.depotops.core.domain.load;

import java.time.Duration;

/**
 * How a site's power is shared: {@code safetyMarginKw} kept free below the limit (meter error,
 * load rising between readings); {@code minimumKw} the least offer worth making a session (6 A on
 * one phase is 1.38 kW); {@code fallbackPerSessionKw} what each session may take while the site's
 * measurement is older than {@code staleAfter} (never more in total than the site's capacity less
 * the margin); a limit is sent again only when it rises by more than {@code hysteresisKw} and not
 * sooner than {@code minCommandInterval} after the charger's last one (a lower limit always goes at
 * once: the sum must never exceed the headroom).
 */
public record LoadPolicy(
        double safetyMarginKw,
        double minimumKw,
        double fallbackPerSessionKw,
        Duration staleAfter,
        double hysteresisKw,
        Duration minCommandInterval) {}
