package dev.cairn.demo;

/** Time the simulated services spend "working". */
final class Simulated {

    private Simulated() {
    }

    /** Sleeps, keeping the interrupt for the caller to see. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
