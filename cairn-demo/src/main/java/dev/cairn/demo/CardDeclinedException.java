package dev.cairn.demo;

/** The card issuer refused a charge; {@link #code()} is the issuer's reason. */
final class CardDeclinedException extends Exception {

    private final String code;

    CardDeclinedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The issuer's reason, such as {@code insufficient_funds}. */
    String code() {
        return code;
    }
}
