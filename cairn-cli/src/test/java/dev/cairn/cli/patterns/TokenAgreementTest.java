package dev.cairn.cli.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates are shown with the words all their messages share, where the mined key folded them away. */
class TokenAgreementTest {

    private static TokenAgreement of(String... messages) {
        TokenAgreement agreement = new TokenAgreement(messages[0]);
        for (int i = 1; i < messages.length; i++) {
            agreement.add(messages[i]);
        }
        return agreement;
    }

    @Test
    void wordsEveryMessageSharesAreShownAndTheOthersMasked() {
        TokenAgreement agreement = of("POST /checkout 201 in 130 ms", "POST /checkout 402 in 98 ms",
                "POST /checkout 201 in 131 ms");
        assertThat(TokenAgreement.display("POST <*>", List.of(agreement))).isEqualTo("POST /checkout <*> in <*> ms");
    }

    @Test
    void aWordThatDiffersIsMaskedEvenWithoutDigits() {
        TokenAgreement agreement = of("user alice logged in", "user bob logged in");
        assertThat(TokenAgreement.display("user <*> logged in", List.of(agreement))).isEqualTo("user <*> logged in");
    }

    @Test
    void aSharedWordWithDigitsIsStillAVariable() {
        // One message seen once: its numbers are values, not words of the event.
        TokenAgreement agreement = of("worker 7 started on port 8080");
        assertThat(TokenAgreement.display("worker <*> started on port <*>", List.of(agreement)))
                .isEqualTo("worker <*> started on port <*>");
    }

    @Test
    void messagesOfDifferentLengthsShowTheMinedTemplate() {
        TokenAgreement agreement = of("items a b c added", "items a added");
        assertThat(TokenAgreement.display("items <*> added", List.of(agreement))).isEqualTo("items <*> added");
        TokenAgreement two = of("items a added");
        TokenAgreement three = of("items a b added");
        assertThat(TokenAgreement.display("items <*> added", List.of(two, three))).isEqualTo("items <*> added");
    }

    @Test
    void keysMergedIntoOneGroupMustAgreeWithEachOther() {
        TokenAgreement get = of("GET /cart 200 in 5 ms");
        TokenAgreement post = of("POST /cart 200 in 7 ms");
        assertThat(TokenAgreement.display("<*> /cart <*>", List.of(get, post))).isEqualTo("<*> /cart <*> in <*> ms");
    }

    @Test
    void veryLongMessagesShowTheMinedTemplate() {
        String longMessage = "blob " + "x".repeat(TokenAgreement.MAX_LENGTH);
        assertThat(TokenAgreement.display("blob <*>", List.of(of(longMessage)))).isEqualTo("blob <*>");
    }
}
