package com.example.orders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes orders: stores each in a database through a HikariCP pool (which logs through SLF4J)
 * and books its shipment with {@link ShippingClient} (which logs through java.util.logging).
 * Its own logging is Cairn's.
 */
public final class OrdersService implements AutoCloseable {
    private static final Logger log = Logging.getLogger(OrdersService.class.getName());

    private final HikariDataSource pool;
    private final ShippingClient shipping;

    public OrdersService(String jdbcUrl, URI shippingEndpoint) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("orders-db");
        config.setMaximumPoolSize(2);
        this.pool = new HikariDataSource(config);
        this.shipping = new ShippingClient(shippingEndpoint);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists orders (id identity primary key, customer varchar, sku varchar, quantity int)");
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot create the orders table", e);
        }
    }

    /** Stores the order and books its shipment; returns the order's id. */
    public long placeOrder(String customer, String sku, int quantity) throws SQLException {
        if (quantity <= 0) throw new IllegalArgumentException("quantity must be positive: " + quantity);
        long id = insert(customer, sku, quantity);
        log.atInfo().field("order_id", id).field("customer", customer).log("order %d placed: %d x %s", id, quantity, sku);
        if (!shipping.book(id, sku, quantity)) {
            log.atWarning().field("order_id", id).log("order %d is not booked for shipping yet", id);
        }
        return id;
    }

    private long insert(String customer, String sku, int quantity) throws SQLException {
        String sql = "insert into orders (customer, sku, quantity) values (?, ?, ?)";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, customer);
            s.setString(2, sku);
            s.setInt(3, quantity);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
