package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LevelTest {
    @Test
    void standardLevelsHavePythonsNumbersAndNames() {
        assertThat(Level.getLevelName(0)).isEqualTo("NOTSET");
        assertThat(Level.getLevelName(10)).isEqualTo("DEBUG");
        assertThat(Level.getLevelName(50)).isEqualTo("CRITICAL");
        assertThat(Level.forName("WARN")).isEqualTo(30);
        assertThat(Level.forName("FATAL")).isEqualTo(50);
    }

    @Test
    void unnamedLevelPrintsAsLevelN() {
        assertThat(Level.getLevelName(33)).isEqualTo("Level 33");
        assertThat(Level.getLevelName(-7)).isEqualTo("Level -7");
    }

    @Test
    void addLevelNameWorksBothWays() {
        Level.addLevelName(27, "NOTICE27");
        assertThat(Level.getLevelName(27)).isEqualTo("NOTICE27");
        assertThat(Level.parse("NOTICE27")).isEqualTo(27);
    }

    @Test
    void parseAcceptsIntsAndNamesOnly() {
        assertThat(Level.parse(15)).isEqualTo(15);
        assertThat(Level.parse("ERROR")).isEqualTo(40);
        assertThatThrownBy(() -> Level.parse("LOUD")).hasMessage("Unknown level: 'LOUD'");
        assertThatThrownBy(() -> Level.parse("20")).hasMessage("Unknown level: '20'");
        assertThatThrownBy(() -> Level.parse(2.5)).hasMessageContaining("Level not an integer or a valid string: 2.5");
        assertThatThrownBy(() -> Level.parse(null)).hasMessageContaining("Level not an integer");
    }
}
