package io.baton.campaign.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** Campaign documents as they were accepted, so API-made campaigns survive restarts. */
@ApplicationScoped
public class CampaignRepository {

    public record StoredCampaign(String id, String yaml, String source, int version) {
    }

    private final Transactions tx;

    public CampaignRepository(Transactions tx) {
        this.tx = tx;
    }

    /** The PostgreSQL channel on which a stored change of an API campaign is announced to every replica. */
    public static final String CHANNEL = "baton_campaigns";

    /**
     * Stores the document; returns its new version (1 for a new campaign). Unchanged documents keep
     * theirs. A document from the API is announced on {@link #CHANNEL} when the transaction commits
     * (files are read by every replica from its own directory, so they are not).
     */
    public int save(String id, String yaml, String source) {
        return tx.inTransaction(c -> {
            if (source.equals("api")) {
                try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                    notify.setString(1, id);
                    notify.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO campaign (id, yaml, source) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET yaml = EXCLUDED.yaml, source = EXCLUDED.source,
                        version = campaign.version + CASE WHEN campaign.yaml = EXCLUDED.yaml THEN 0 ELSE 1 END,
                        updated_at = now()
                    RETURNING version""")) {
                ps.setString(1, id);
                ps.setString(2, yaml);
                ps.setString(3, source);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public List<StoredCampaign> findAll() {
        return tx.read(c -> {
            List<StoredCampaign> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, yaml, source, version FROM campaign ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCampaign(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        });
    }
}
