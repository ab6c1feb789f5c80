package io.depotops.schedule.domain.schedule;

/** What the horizon costs: energy bought, less energy sold back, plus the demand charge on the peak. */
public record Cost(double energy, double exportCredit, double demandCharge) {

    public double total() {
        return energy - exportCredit + demandCharge;
    }
}
