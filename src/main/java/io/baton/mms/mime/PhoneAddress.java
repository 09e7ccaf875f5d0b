package io.baton.mms.mime;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phone number in an MMS e-mail address, when its local part is one: carriers and MM4 peers
 * write the sender as {@code 8613905000001@mms.example.com} or {@code +1 555 123 4567/TYPE=PLMN@carrier}.
 * Only the syntax is read here; normalising to an MSISDN (country code, trunk prefix) belongs to
 * {@code io.baton.common}.
 */
public final class PhoneAddress {

    /** Digits with an optional leading plus; 3 to 20 of them covers short codes and E.164 with room. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    /** What handsets and gateways put between digits: spaces, dashes, dots, brackets. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");

    private PhoneAddress() {
    }

    /**
     * The phone number an MMS address names, in any form MMSCs write: the local-part forms of
     * {@link #localPartNumber}, with a {@code tel:} scheme allowed in front. Empty for an address of
     * another type ({@code /TYPE=IPv4}, {@code /TYPE=IPv6}: digits, but no phone) and for a mailbox;
     * {@code /TYPE=PLNM}, a misspelling seen in real PDUs, is read as PLMN.
     */
    public static Optional<String> number(String address) {
        if (address == null || address.length() > 320) {
            return Optional.empty();
        }
        String a = address.trim();
        if (a.regionMatches(true, 0, "tel:", 0, 4)) {
            a = a.substring(4);
        }
        int type = a.toUpperCase(java.util.Locale.ROOT).indexOf("/TYPE=");
        if (type >= 0) {
            int at = a.indexOf('@', type);
            String kind = a.substring(type + 6, at < 0 ? a.length() : at).trim();
            // PLNM: a misspelling a real MMSC wrote into m-delivery-ind (sailfishos/mms-engine test data)
            if (!kind.equalsIgnoreCase("PLMN") && !kind.equalsIgnoreCase("PLNM")) {
                return Optional.empty();
            }
        }
        return localPartNumber(a);
    }

    /**
     * The number in the local part of {@code address}: the part before the last {@code @}, without a
     * {@code /TYPE=...} suffix, quotes or separators. Empty when what remains is not a number (a
     * name such as {@code joe.example}, an alias such as {@code o2.5551234}).
     */
    public static Optional<String> localPartNumber(String address) {
        if (address == null || address.length() > 320) {
            return Optional.empty();
        }
        String local = address.trim();
        int at = local.lastIndexOf('@');
        if (at >= 0) {
            local = local.substring(0, at);
        }
        int slash = local.indexOf('/');
        if (slash >= 0) {
            local = local.substring(0, slash);
        }
        local = SEPARATORS.matcher(local.replace("\"", "")).replaceAll("");
        return NUMBER.matcher(local).matches() ? Optional.of(local) : Optional.empty();
    }
}
