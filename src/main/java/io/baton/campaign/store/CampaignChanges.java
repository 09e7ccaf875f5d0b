package io.baton.campaign.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link CampaignRepository#CHANNEL} with a connection of its own and calls back on
 * every announced change, and once after each (re)connection, so a replica that lost the
 * connection (and so may have missed announcements) catches up. Reconnects with back-off.
 */
@ApplicationScoped
public class CampaignChanges {

    private static final Logger LOG = Logger.getLogger(CampaignChanges.class);

    private final DataSource dataSource;
    private volatile boolean running;
    private Thread thread;

    public CampaignChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts listening; {@code changed} runs on the listener's thread. */
    public synchronized void start(Runnable changed) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(() -> listen(changed), "baton-campaign-changes");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void listen(Runnable changed) {
        long pauseMs = 500;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CampaignRepository.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                changed.run(); // whatever was announced while we were not listening
                pauseMs = 500;
                while (running) {
                    PGNotification[] n = pg.getNotifications(1000);
                    if (n != null && n.length > 0) {
                        LOG.debugf("campaign=changed-elsewhere notifications=%d first=%s", n.length, n[0].getParameter());
                        changed.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("campaign=listen-failed reason=%s; again in %d ms", e.getMessage(), pauseMs);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pauseMs = Math.min(pauseMs * 2, 30_000);
            }
        }
    }
}
