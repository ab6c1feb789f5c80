package io.depotops.schedule.domain.problem;

/**
 * Prices per slot: energy bought (per kWh), energy sold back (per kWh; never above the energy price,
 * so that buying to sell is no gain) and a demand charge on the horizon's peak import (per kW).
 */
public record Tariff(double[] energyPrice, double demandChargePerKw, double[] exportPrice) {

    public static Tariff free(int slots) {
        return new Tariff(new double[slots], 0, new double[slots]);
    }
}
