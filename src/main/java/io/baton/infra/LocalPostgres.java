package io.baton.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL database for the demo and the tests: a database on the machine's own server at
 * 127.0.0.1:5432 when one answers (trust authentication, as on Debian's developer setup),
 * otherwise an embedded server (zonky) on a free port. Embedded PostgreSQL refuses to run as
 * root, so on a root machine without a local server this fails with a message saying what to do.
 */
public final class LocalPostgres implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final EmbeddedPostgres embedded;
    private final String droppable;

    private LocalPostgres(String jdbcUrl, String user, EmbeddedPostgres embedded, String droppable) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.embedded = embedded;
        this.droppable = droppable;
    }

    /**
     * @param database the database to use (created when missing)
     * @param fresh drop it first and again on close (tests); keep it otherwise (demo)
     */
    public static LocalPostgres start(String database, boolean fresh) throws Exception {
        if (answers("127.0.0.1", 5432)) {
            String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
            try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                    Statement s = c.createStatement()) {
                if (fresh) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                }
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
                return new LocalPostgres("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", null,
                        fresh ? database : null);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 answers but refused user postgres "
                        + "without a password (" + e.getMessage() + "); set quarkus.datasource.jdbc.url, "
                        + "quarkus.datasource.username and quarkus.datasource.password to use it", e);
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("no PostgreSQL at 127.0.0.1:5432 and embedded PostgreSQL cannot run "
                    + "as root: install one (apt-get install postgresql) or set quarkus.datasource.jdbc.url");
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return new LocalPostgres(pg.getJdbcUrl("postgres", database), "postgres", pg, null);
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        } else if (droppable != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + droppable + " WITH (FORCE)");
            }
        }
    }
}
