package dev.cairn.demo;

import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.Random;

/**
 * The card issuer, simulated: answers in a few milliseconds, declines the cards the fault plan
 * says, and hangs for {@link #STALL_MS} on the requests the plan stalls (longer than orders
 * waits, so orders gives up while the charge still goes through here).
 */
final class Bank {

    /** How long a stalled authorisation takes. */
    static final int STALL_MS = 1200;

    private static final Logger log = Logging.getLogger("payments.bank");
    private static final Logger fraud = Logging.getLogger("payments.fraud");

    private final FaultPlan faults;
    private final long seed;

    Bank(FaultPlan faults, long seed) {
        this.faults = faults;
        this.seed = seed;
    }

    /** Authorises a charge and returns the authorisation code. */
    String authorise(String order, double amount, String card, String requestId) throws CardDeclinedException {
        int number = FaultPlan.number(requestId);
        Random random = new Random(seed * 17 + number);
        fraud.debug("fraud score %.2f for card ending %s", random.nextDouble() * 0.3, card);
        FaultPlan.Fault fault = faults.at(number);
        if (fault == FaultPlan.Fault.BANK_STALL) {
            log.warning("issuer has not answered for order %s, still waiting", order);
            Simulated.pause(STALL_MS);
            log.warning("issuer answered after %d ms", STALL_MS);
        } else {
            Simulated.pause(2 + random.nextInt(12));
        }
        if (fault == FaultPlan.Fault.CARD_DECLINED) {
            throw new CardDeclinedException("insufficient_funds", "issuer declined the card ending " + card);
        }
        return String.format("auth-%06x", random.nextInt(1 << 24));
    }
}
