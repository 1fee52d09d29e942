package dev.cairn.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.sql.Connection;
import java.sql.ResultSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real code that knows nothing of Cairn: commons-logging through jcl-over-slf4j, and HikariCP. */
class Slf4jLibrariesTest {
    @AfterEach
    void reset() {
        Logging.reset();
    }

    @Test
    void commonsLoggingReachesCairnWithItsCaller() {
        Records records = Records.on("jcl", Level.DEBUG);
        Log log = LogFactory.getLog("jcl.client");
        IllegalArgumentException error = new IllegalArgumentException("bad");
        log.info("from commons-logging", error);
        log.trace("below the level");
        assertThat(log.isTraceEnabled()).isFalse();
        LogRecord record = records.only();
        assertThat(record.getName()).isEqualTo("jcl.client");
        assertThat(record.getMessage()).isEqualTo("from commons-logging");
        assertThat(record.getExcInfo()).isSameAs(error);
        assertThat(record.getFuncName()).isEqualTo("commonsLoggingReachesCairnWithItsCaller");
    }

    @Test
    void hikariPoolLifecycleIsLoggedThroughCairn() throws Exception {
        Records records = Records.on("com.zaxxer.hikari", Level.DEBUG);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:cairn_slf4j");
        config.setPoolName("cairn-pool");
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection connection = pool.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(records.messages()).contains(
                "cairn-pool - Starting...", "cairn-pool - Start completed.",
                "cairn-pool - Shutdown initiated...", "cairn-pool - Shutdown completed.");
        LogRecord started = records.list.stream()
                .filter(r -> r.getMessage().equals("cairn-pool - Start completed.")).findFirst().orElseThrow();
        assertThat(started.getLevelname()).isEqualTo("INFO");
        assertThat(started.getName()).isEqualTo("com.zaxxer.hikari.HikariDataSource");
        // HikariCP's DEBUG configuration dump is there too, because Cairn's level allowed it.
        assertThat(records.list).anyMatch(r -> r.getLevelno() == Level.DEBUG);
    }
}
