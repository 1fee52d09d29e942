package dev.cairn.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which requests of a run go wrong, and how, drawn from a seed: a few declined cards, a few
 * bank calls that hang past the orders service's timeout, one outage of the orders database
 * over consecutive requests (an error storm), a short database blip that one retry survives,
 * and a couple of malformed requests. The driver and every service draw the same plan from the
 * same seed, so each service injects its own faults without being told per request, and a run
 * is reproducible whatever the order requests arrive in. Immutable.
 */
public final class FaultPlan {

    /** What happens to one request. */
    public enum Fault {
        /** Nothing: the checkout succeeds. */
        NONE,
        /** The client sends a quantity of zero; the gateway rejects it (400). */
        BAD_REQUEST,
        /** The card issuer declines; payments throws, orders and the gateway answer 402. */
        CARD_DECLINED,
        /** The bank hangs; orders times out waiting for payments and the gateway answers 504. */
        BANK_STALL,
        /** The orders database refuses connections, retries fail; the gateway answers 503. */
        DB_OUTAGE,
        /** The orders database fails once; the retry succeeds. */
        DB_BLIP
    }

    private final Fault[] faults;

    private FaultPlan(Fault[] faults) {
        this.faults = faults;
    }

    /** The plan for requests numbered 1 to {@code requests}, drawn from {@code seed}. */
    public static FaultPlan draw(long seed, int requests) {
        Random random = new Random(seed);
        Fault[] faults = new Fault[requests + 1];
        java.util.Arrays.fill(faults, Fault.NONE);
        // The outage falls in the second half, so the first half shows the system healthy.
        int outageLength = Math.max(1, requests / 15);
        int outageStart = requests / 2 + random.nextInt(Math.max(1, requests / 4));
        for (int n = outageStart; n < outageStart + outageLength && n <= requests; n++) {
            faults[n] = Fault.DB_OUTAGE;
        }
        List<Integer> free = new ArrayList<>();
        for (int n = 6; n <= requests; n++) {
            if (faults[n] == Fault.NONE) {
                free.add(n);
            }
        }
        Collections.shuffle(free, random);
        int next = 0;
        next = assign(faults, free, next, Math.max(1, requests / 16), Fault.CARD_DECLINED);
        next = assign(faults, free, next, Math.max(1, requests / 60), Fault.BANK_STALL);
        next = assign(faults, free, next, Math.max(1, requests / 50), Fault.DB_BLIP);
        assign(faults, free, next, Math.max(1, requests / 70), Fault.BAD_REQUEST);
        return new FaultPlan(faults);
    }

    private static int assign(Fault[] faults, List<Integer> free, int from, int count, Fault fault) {
        int end = Math.min(free.size(), from + count);
        for (int i = from; i < end; i++) {
            faults[free.get(i)] = fault;
        }
        return end;
    }

    /** The number of requests the plan covers. */
    public int requests() {
        return faults.length - 1;
    }

    /** The fault of request {@code number} (1-based); NONE outside the plan. */
    public Fault at(int number) {
        return number >= 1 && number < faults.length ? faults[number] : Fault.NONE;
    }

    /** The fault of the request with this id ({@code req-0042}); NONE for an id not of that form. */
    public Fault at(String requestId) {
        return at(number(requestId));
    }

    /** How many requests get {@code fault}. */
    public int count(Fault fault) {
        int n = 0;
        for (int i = 1; i < faults.length; i++) {
            if (faults[i] == fault) {
                n++;
            }
        }
        return n;
    }

    /** The id the driver gives request {@code number}. */
    public static String requestId(int number) {
        return String.format("req-%04d", number);
    }

    /** The number in a request id made by {@link #requestId}, or 0. */
    public static int number(String requestId) {
        if (requestId == null || !requestId.startsWith("req-")) {
            return 0;
        }
        try {
            return Integer.parseInt(requestId.substring(4));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
