package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggerHierarchyTest {
    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @Test
    void sameNameGivesSameLogger() {
        assertThat(Logging.getLogger("h1.a")).isSameAs(Logging.getLogger("h1.a"));
    }

    @Test
    void emptyNullAndRootNameAreTheRootLogger() {
        Logger root = Logging.getLogger();
        assertThat(Logging.getLogger("")).isSameAs(root);
        assertThat(Logging.getLogger((String) null)).isSameAs(root);
        assertThat(Logging.getLogger("root")).isSameAs(root);
        assertThat(root.getName()).isEqualTo("root");
        assertThat(root.getParent()).isNull();
    }

    @Test
    void childCreatedBeforeParentIsReparentedThroughPlaceholder() {
        Logger child = Logging.getLogger("h2.a.b.c");
        assertThat(child.getParent()).isSameAs(Logging.getLogger());
        Logger middle = Logging.getLogger("h2.a");
        assertThat(child.getParent()).isSameAs(middle);
        assertThat(middle.getParent()).isSameAs(Logging.getLogger());
        Logger closer = Logging.getLogger("h2.a.b");
        assertThat(child.getParent()).isSameAs(closer);
        assertThat(closer.getParent()).isSameAs(middle);
    }

    @Test
    void siblingWithCommonPrefixIsNotAChild() {
        Logger ab = Logging.getLogger("h3.ab");
        Logging.getLogger("h3.a");
        assertThat(ab.getParent()).isSameAs(Logging.getLogger());
    }

    @Test
    void getChildJoinsNames() {
        assertThat(Logging.getLogger("h4").getChild("x.y")).isSameAs(Logging.getLogger("h4.x.y"));
        assertThat(Logging.getLogger().getChild("h4")).isSameAs(Logging.getLogger("h4"));
    }

    @Test
    void effectiveLevelComesFromNearestAncestorWithALevel() {
        Logger leaf = Logging.getLogger("h5.a.b");
        assertThat(leaf.getEffectiveLevel()).isEqualTo(Level.WARNING);
        Logging.getLogger("h5").setLevel(Level.DEBUG);
        assertThat(leaf.getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(leaf.isEnabledFor(Level.DEBUG)).isTrue();
        Logging.getLogger("h5.a").setLevel("ERROR");
        assertThat(leaf.isEnabledFor(Level.WARNING)).isFalse();
        assertThat(leaf.isEnabledFor(Level.ERROR)).isTrue();
    }

    @Test
    void levelSetOnParentCreatedLaterReachesExistingChild() {
        Logger leaf = Logging.getLogger("h6.x.y");
        assertThat(leaf.isEnabledFor(Level.INFO)).isFalse();
        Logging.getLogger("h6.x").setLevel(Level.INFO);
        assertThat(leaf.isEnabledFor(Level.INFO)).isTrue();
    }

    @Test
    void globalDisableDropsLevelsAtOrBelowIt() {
        Logger logger = Logging.getLogger("h7");
        logger.setLevel(Level.DEBUG);
        Logging.disable(Level.WARNING);
        assertThat(logger.isEnabledFor(Level.WARNING)).isFalse();
        assertThat(logger.isEnabledFor(Level.ERROR)).isTrue();
        Logging.disable();
        assertThat(logger.isEnabledFor(Level.CRITICAL)).isFalse();
        Logging.disable(Level.NOTSET);
        assertThat(logger.isEnabledFor(Level.DEBUG)).isTrue();
        // manager.disable = 0 still disables level 0, as in CPython.
        assertThat(logger.isEnabledFor(0)).isFalse();
    }

    @Test
    void disabledLoggerIsNeverEnabled() {
        Logger logger = Logging.getLogger("h8");
        logger.setLevel(Level.DEBUG);
        logger.setDisabled(true);
        assertThat(logger.isEnabledFor(Level.CRITICAL)).isFalse();
        logger.setDisabled(false);
        assertThat(logger.isEnabledFor(Level.DEBUG)).isTrue();
    }

    @Test
    void levelChangeIsSeenByAnotherThread() throws Exception {
        Logger logger = Logging.getLogger("h9");
        logger.setLevel(Level.ERROR);
        boolean[] seen = new boolean[1];
        Thread t = new Thread(() -> {
            while (!logger.isEnabledFor(Level.DEBUG)) Thread.onSpinWait();
            seen[0] = true;
        });
        t.start();
        logger.setLevel(Level.DEBUG);
        t.join(5000);
        assertThat(seen[0]).isTrue();
    }
}
