package dev.cairn.demo;

import dev.cairn.Logger;
import dev.cairn.Logging;
import java.sql.SQLTransientConnectionException;
import java.util.Random;

/**
 * The orders database, simulated: an insert takes a few milliseconds, and during the fault
 * plan's outage (or blip) the connection pool is exhausted. A failed insert is retried with a
 * short back-off before the error reaches the caller.
 */
final class OrderStore {

    static final int ATTEMPTS = 3;

    private static final Logger log = Logging.getLogger("orders.db");

    private final FaultPlan faults;
    private final long seed;

    OrderStore(FaultPlan faults, long seed) {
        this.faults = faults;
        this.seed = seed;
    }

    /** Saves an order, retrying a refused connection; throws the last failure. */
    void save(String order, String requestId) throws SQLTransientConnectionException {
        FaultPlan.Fault fault = faults.at(requestId);
        for (int attempt = 1; ; attempt++) {
            try {
                long millis = insert(fault, attempt, FaultPlan.number(requestId));
                log.debug("inserted order %s in %d ms", order, millis);
                return;
            } catch (SQLTransientConnectionException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warning("insert of order %s failed (%s), retry %d of %d", order, e.getMessage(), attempt, ATTEMPTS - 1);
                Simulated.pause(20L * attempt);
            }
        }
    }

    private long insert(FaultPlan.Fault fault, int attempt, int number) throws SQLTransientConnectionException {
        long millis = 1 + new Random(seed * 31 + number).nextInt(4);
        Simulated.pause(millis);
        if (fault == FaultPlan.Fault.DB_OUTAGE || fault == FaultPlan.Fault.DB_BLIP && attempt == 1) {
            throw new SQLTransientConnectionException("connection pool exhausted: 0 of 10 connections free after 50 ms", "08001");
        }
        return millis;
    }
}
