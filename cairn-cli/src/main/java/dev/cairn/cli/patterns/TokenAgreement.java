package dev.cairn.cli.patterns;

import java.util.BitSet;
import java.util.List;

/**
 * Which words of the messages of one masked key are the same in every one of them, so that a
 * template is shown as a reader expects: {@code POST /checkout <*> <*> ms} rather than the mined
 * {@code POST <*>}. The miner's key folds a run of variables into one {@code <*>} (lists of any
 * length share a key) and masks paths and units with them, which is right for grouping but hides
 * the words that never changed. When every message of a group has the same number of words, each
 * word is shown as written if it is the same in all of them and holds no digit, and masked (as
 * {@link MessageMasker} masks it alone, or as {@code <*>}) otherwise; else the mined template is
 * shown. Costs one pass over each message's characters, no allocation. Not thread safe.
 */
final class TokenAgreement {

    /** Longer messages are not followed: their groups show the mined template. */
    static final int MAX_LENGTH = 4096;

    private final String first;
    private int[] bounds = new int[16];
    private int tokens;
    private final BitSet differs = new BitSet();
    private boolean ragged;

    /** Starts with the first message of a key. */
    TokenAgreement(String first) {
        this.first = first;
        if (first.length() > MAX_LENGTH) {
            ragged = true;
            return;
        }
        int n = first.length();
        for (int i = skipSpace(first, 0); i < n; i = skipSpace(first, i)) {
            int start = i;
            while (i < n && !isSpace(first.charAt(i))) {
                i++;
            }
            if (2 * tokens + 2 > bounds.length) {
                bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * tokens] = start;
            bounds[2 * tokens + 1] = i;
            tokens++;
        }
    }

    /** Compares another message of the same key, word by word, with the first. */
    void add(String text) {
        if (ragged) {
            return;
        }
        int n = text.length();
        if (n > MAX_LENGTH) {
            ragged = true;
            return;
        }
        int t = 0;
        for (int i = skipSpace(text, 0); i < n; i = skipSpace(text, i)) {
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (t >= tokens) {
                ragged = true;
                return;
            }
            int length = bounds[2 * t + 1] - bounds[2 * t];
            if (!differs.get(t) && (i - start != length || !text.regionMatches(start, first, bounds[2 * t], length))) {
                differs.set(t);
            }
            t++;
        }
        if (t != tokens) {
            ragged = true;
        }
    }

    private String token(int t) {
        return first.substring(bounds[2 * t], bounds[2 * t + 1]);
    }

    /**
     * The template to show for a group whose keys are followed by {@code members}: word by word
     * when they all have the same number of words, else {@code mined}.
     */
    static String display(String mined, List<TokenAgreement> members) {
        if (members.isEmpty()) {
            return mined;
        }
        int count = members.get(0).tokens;
        for (TokenAgreement m : members) {
            if (m.ragged || m.tokens != count) {
                return mined;
            }
        }
        MessageMasker masker = new MessageMasker();
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < count; t++) {
            String word = members.get(0).token(t);
            boolean same = true;
            for (TokenAgreement m : members) {
                same &= !m.differs.get(t) && m.token(t).equals(word);
            }
            String shown;
            if (same && !hasDigit(word)) {
                shown = word;
            } else {
                String masked = maskAlone(masker, word);
                boolean maskedSame = true;
                for (TokenAgreement m : members) {
                    maskedSame &= maskAlone(masker, m.token(t)).equals(masked);
                }
                shown = same || maskedSame && masked.contains(MessageMasker.WILDCARD) ? masked : MessageMasker.WILDCARD;
            }
            if (t > 0) {
                out.append(' ');
            }
            out.append(shown);
        }
        return out.toString();
    }

    private static String maskAlone(MessageMasker masker, String word) {
        masker.mask(word);
        return masker.keyString();
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
