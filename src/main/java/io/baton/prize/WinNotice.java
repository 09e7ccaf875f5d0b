package io.baton.prize;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.notify.store.SmsOutboxRepository;

/** The SMS a winner gets, and the claim code it carries (8 characters, no 0/O/1/I/L). */
final class WinNotice {

    static final int CODE_LENGTH = 8;
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WinNotice() {
    }

    static String claimCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length()));
        }
        return new String(code);
    }

    static SmsOutboxRepository.Notice to(Campaign campaign, String msisdn, String tier, String serial, String code,
            OffsetDateTime claimBy) {
        PrizeRules rules = campaign.prizes().orElseThrow();
        String prize = rules.tier(tier).map(PrizeRules.Tier::name).orElse(tier);
        String text = rules.notice().replace("{prize}", prize).replace("{serial}", serial)
                .replace("{keyword}", rules.claim().keyword()).replace("{code}", code)
                .replace("{shortCode}", campaign.shortCode())
                .replace("{deadline}", local(campaign, claimBy));
        return new SmsOutboxRepository.Notice(campaign.id(), msisdn, campaign.shortCode(), text, "prize", null);
    }

    /** A time as the campaign's subscribers read it. */
    static String local(Campaign campaign, OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(campaign.timezone()).format(WHEN);
    }
}
