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

    /** A server of our own that can be stopped and started again with its data (for outage tests). */
    interface Server extends AutoCloseable {
        void stop() throws Exception;

        void restart() throws Exception;
    }

    private final String jdbcUrl;
    private final String user;
    private final Server embedded;
    private final String droppable;

    private LocalPostgres(String jdbcUrl, String user, Server embedded, String droppable) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.embedded = embedded;
        this.droppable = droppable;
    }

    /**
     * @param database the database to use (created when missing)
     * @param fresh drop it first and again on close (tests); keep it otherwise (demo)
     * @param machineServer use the machine's server at 127.0.0.1:5432 when one answers; false
     *        always starts a server of our own (tests that stop it)
     */
    public static LocalPostgres start(String database, boolean fresh, boolean machineServer) throws Exception {
        if (machineServer && answers("127.0.0.1", 5432)) {
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
            UnprivilegedPostgres unprivileged = UnprivilegedPostgres.start();
            Server pg = new Server() {
                @Override
                public void stop() throws Exception {
                    unprivileged.stop();
                }

                @Override
                public void restart() throws Exception {
                    unprivileged.restart();
                }

                @Override
                public void close() throws Exception {
                    unprivileged.close();
                }
            };
            int port = unprivileged.port();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
            try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                pg.close();
                throw e;
            }
            return new LocalPostgres(url + database, "postgres", pg, null);
        }
        Zonky pg = new Zonky();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return new LocalPostgres(pg.url(database), "postgres", pg, null);
    }

    /** zonky's embedded server on a fixed port and data directory, so that it can be started again. */
    private static final class Zonky implements Server {
        private final java.nio.file.Path data = java.nio.file.Files.createTempDirectory("baton-pg-data-");
        private final int port = FreePorts.pick();
        private EmbeddedPostgres pg;

        Zonky() throws IOException {
            restart();
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        @Override
        public void stop() throws IOException {
            pg.close();
            pg = null;
        }

        @Override
        public void restart() throws IOException {
            pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
        }

        @Override
        public void close() throws IOException {
            if (pg != null) {
                stop();
            }
            FileTrees.delete(data);
        }
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

    /** Whether this is a server of our own, which {@link #stop} and {@link #restart} can stage an outage of. */
    public boolean stoppable() {
        return embedded != null;
    }

    /** Stops our own server (its data stays); the machine's server is never stopped. */
    public void stop() throws Exception {
        requireOwn().stop();
    }

    /** Starts our own stopped server again, on the same port with the same data. */
    public void restart() throws Exception {
        requireOwn().restart();
    }

    private Server requireOwn() {
        if (embedded == null) {
            throw new IllegalStateException("PostgreSQL is the machine's server: it is not ours to stop");
        }
        return embedded;
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
