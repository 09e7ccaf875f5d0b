package io.baton.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A Redis server of our own on a free 127.0.0.1 port for the demo and the tests: the machine's
 * {@code /usr/bin/redis-server} when installed, otherwise the one bundled with embedded-redis.
 * It keeps nothing on disk: Redis only holds state rebuilt from PostgreSQL.
 */
public final class LocalRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalRedis start() throws IOException {
        int port = FreePorts.pick();
        var builder = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no");
        Path system = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(system)) {
            builder.executableProvider(() -> system.toFile());
        }
        RedisServer server = builder.build();
        server.start();
        return new LocalRedis(server, port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (an outage, for tests); {@link #restart} brings it back on the same port, empty. */
    public void stop() throws IOException {
        server.stop();
    }

    public void restart() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
