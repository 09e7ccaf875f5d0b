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
 * otherwise an embedded server (zonky's binaries) on a free port: run by zonky for an ordinary
 * user, and as user {@code nobody} through {@code runuser} for root, which PostgreSQL refuses.
 */
public final class LocalPostgres implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final AutoCloseable embedded;
    private final String droppable;

    private LocalPostgres(String jdbcUrl, String user, AutoCloseable embedded, String droppable) {
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
        if (useMachineServer() && answers("127.0.0.1", 5432)) {
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
            if (!UnprivilegedPostgres.possible()) {
                throw new IllegalStateException("no PostgreSQL at 127.0.0.1:5432, and as root embedded PostgreSQL "
                        + "needs runuser: install PostgreSQL (apt-get install postgresql) or set "
                        + "quarkus.datasource.jdbc.url");
            }
            UnprivilegedPostgres pg = UnprivilegedPostgres.start();
            String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/";
            try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                pg.close();
                throw e;
            }
            return new LocalPostgres(url + database, "postgres", pg, null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return new LocalPostgres(pg.getJdbcUrl("postgres", database), "postgres", pg, null);
    }

    /** Whether to look for the machine's server first ({@code baton.infra.local-postgres=false} skips it). */
    private static boolean useMachineServer() {
        return !"false".equals(LocalInfrastructure.fromSystem("baton.infra.local-postgres"));
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
