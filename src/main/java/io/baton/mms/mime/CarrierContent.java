package io.baton.mms.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What carriers wrap around the sender's content when they turn an MMS into e-mail, as a rule table:
 * layout images known by file name, notices and footers known by their words, HTML pages known by
 * their title, default subjects. Learnt from the carrier configurations of monde/mms2r (conf/*.yml)
 * and written as our own, smaller rules that do not depend on which carrier sent the message: these
 * names and sentences do not occur in what people send. A rule that misfires costs a logo in the
 * campaign's recognition; a missing rule leaves an advert that recognition has to ignore.
 *
 * <p>Text rules cut the matched passage out of a text part; a part with no letter or digit left is
 * removed whole. Only text parts up to {@link #MAX_TEXT_BYTES} are examined: notices are short, and
 * the bound keeps regular expressions away from megabytes of hostile text.
 */
final class CarrierContent {

    static final int MAX_TEXT_BYTES = 64 * 1024;

    private record Rule(Pattern pattern, String source) {
        static Rule of(String regex, String source) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), source);
        }

        /** A rule on a whole file name, allowing a path in front. */
        static Rule name(String regex, String source) {
            return of("(?:.*/)?(?:" + regex + ")", source);
        }
    }

    /** Layout images and banners, matched on the file name, Content-Location or Content-ID (path allowed). */
    private static final List<Rule> FILE_NAMES = List.of(
            Rule.name("dotted_?line_?\\d*\\.gif|tmobile(logo|space)\\.gif|masthead\\.jpg|(audio|video)\\.gif", "T-Mobile layout"),
            Rule.name("spacer\\.gif", "layout spacer"),
            Rule.name("logo\\.(jpg|bmp)", "T-Mobile UK / MTN logo"),
            Rule.name("(header|bluebar|divider|greenbar)\\.gif|alltel_logo\\.jpg", "Alltel layout"),
            Rule.name("(top|bottom|middle_img)\\.gif", "Helio layout"),
            Rule.name("images/(vf9\\.gif|vf5\\.jpg|reb\\.jpg|tpm\\.jpg)", "Three / Vodafone (Yospace) layout"),
            Rule.name("Vodafone Logo", "Vodafone logo"),
            Rule.name("html_DEFAULT_SLIDE_header\\.jpg|footer\\.gif|reply\\.gif", "Maroc Telecom layout"),
            Rule.name("cp__(idea_banner|newBanner)\\.jpg", "memova (Idea, Indosat) banner"),
            Rule.name("banniere\\.txt", "Orange France banner"));

    /** Notices and footers in text/plain parts; each match is cut out. */
    private static final List<Rule> TEXTS = List.of(
            Rule.of("This is an MMS message\\.(\\s*Please go to \\S+ to view the message(\\s+or (go to )?\\S+ to reply to"
                    + " the message)?\\.)?(\\s*(&copy;|©)?\\s*20\\d\\d Sprint Nextel\\. All rights reserved\\.?)?",
                    "MMS notice (Nextel, TELUS, Cincinnati Bell, Virgin Mobile)"),
            Rule.of("You have received an MMS message\\.\\s+To see the message correctly, you will need to view this"
                    + " message\\s+in a graphical email application\\.", "Three notice"),
            Rule.of("You have received a New Message\\.\\s*\\S*", "Openwave notice (Bell, SaskTel)"),
            Rule.of("(You have new (Picture|Video) Mail!|New (Picture|Video) Mail from \\S+)\\s*Click Go/View to see"
                    + "( now)?\\.\\s*\\S*(\\s+_\\w+)?", "Sprint Picture Mail notice"),
            Rule.of("A New Photo/Video Message\\.\\s*Click Go/View to see now\\s*\\S*(\\s+_\\w+)?", "Photo/Video notice"),
            Rule.of("(?s)Uve received a video or picture msg from .*", "Rogers notice"),
            Rule.of("(?s)You have received a Media Message\\s+This Media Message has been sent using an O2 camera phone.*",
                    "O2 UK notice"),
            Rule.of("Meldingen er sendt fra mobiltelefon og kan kun besvares med mobiltelefon\\.( Nummeret finner du i"
                    + " e-postadressen\\.)?", "Netcom footer"),
            Rule.of("(?s)(Vodafone MMS-to-Email Service\\s*)?You have received a picture message from (mobile )?phone"
                    + " number.*", "Vodafone notice"),
            Rule.of("(?s)This message (was|has been) sent using .{0,80}? from Verizon Wireless!.*", "Verizon footer"),
            Rule.of("(?s)This is an MMS message brought to you by Vodacom\\..*", "Vodacom footer"),
            Rule.of("(?s)Thank you for using Picture and Video Messaging by U\\.S\\. Cellular\\..*", "U.S. Cellular footer"),
            Rule.of("(?s)Un abonn. Orange vous a envoy. ce message.*", "Orange France banner"),
            Rule.of("(?s)--\\s*This Orange Multi Media Message was sent wirefree from an Orange MMS.*", "Orange UK footer"),
            Rule.of("Diese Nachricht wurde Ihnen von einem Handy mit der Nummer \\S+ durch o2 .{1,2}bermittelt\\.", "O2 Germany notice"),
            Rule.of("(?s)Wenn Sie mehr .{1,2}ber das Fotoversenden bei o2.*", "O2 Germany footer"),
            Rule.of("(?s)You have a new picture message!.*?\\sText:", "T-Mobile UK notice"),
            Rule.of("(?s)-{10,}\\s*Sending a reply:.*", "T-Mobile UK footer"),
            Rule.of("(?s)Note: This message contains multimedia contents and is delivered from Helio.*?\\smessage:", "Helio notice"),
            Rule.of("(?s)--\\s*=+\\s*(This mobile text message is brought to you by AT&T|Brought to you by, Cingular"
                    + " Wireless Messaging).*", "AT&T / Cingular footer"),
            Rule.of("(?s)--\\s*Mobile Email from a Cingular Wireless Customer.*", "Cingular footer"),
            Rule.of("(?s)-{5,}\\s*Sent by Text Messaging from a mobile device\\..*", "Virgin Mobile Canada footer"),
            // handset signatures; only at the start of a line so that a sentence quoting them survives
            Rule.of("(?sm)^[ \\t]*(Sent (via|from (my|your)) |Sent on the Sprint|From my HTC ).*", "handset signature"));

    /** Carrier HTML pages (templates around the content), known by their title or a sentence. */
    private static final List<Rule> HTML_PAGES = List.of(
            Rule.of("<title>\\s*(T-Mobile|MMS E-?Mail|MMS Message|MMS|Picture Messaging|Message from memova|New Page 1"
                    + "|PXT World|You have new Picture Mail!|Picture from your Rogers Wireless friend[^<]*)\\s*</title>",
                    "carrier HTML template"),
            Rule.of("This message was sent from a T-Mobile wireless phone|Sprint Nextel\\. All rights reserved"
                    + "|You've received a Message from a TELUS phone|This message is from\\s+a Virgin Mobile user"
                    + "|You have an <b>MMS</b> message!|Diese Nachricht wurde Ihnen von einem Handy", "carrier HTML template"));

    /** Subjects that carriers put on every message: they say nothing of the sender's. */
    private static final List<Rule> SUBJECTS = List.of(Rule.of("Multimedia message|MMS Message|You have received a new"
            + " message|A Picture/Video Message!|You have new (Picture|Video) Mail!|New Message|PictureMail|You have a PXT"
            + " from \\d+|Orange UK MMS|Wiadomo.{1,8} multimedialna\\.?|You have received a Picture Message from your"
            + " Rogers Wireless.*|You have received a Multimedia Message|Unicel|\\(no subject\\)", "carrier default subject"));

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern MEANINGFUL = Pattern.compile("[\\p{L}\\p{N}]");

    private CarrierContent() {
    }

    /** A part after screening: {@code kept} is null when the whole part was carrier content or empty. */
    record Screened(MimePart kept, List<String> removed) {
    }

    static Screened screen(MimePart part) {
        String name = label(part);
        if (part.size() == 0) {
            return new Screened(null, List.of(name + ": empty part"));
        }
        for (String id : new String[] { part.fileName(), part.contentLocation(), part.contentId() }) {
            Rule rule = id == null ? null : firstMatch(FILE_NAMES, id);
            if (rule != null) {
                return new Screened(null, List.of(name + ": " + rule.source()));
            }
        }
        String type = part.mediaType();
        if (!type.startsWith("text/") || part.size() > MAX_TEXT_BYTES) {
            return new Screened(part, List.of());
        }
        Charset charset = charsetOf(part.contentType());
        String text = new String(part.data(), charset);
        if (type.equals("text/html")) {
            for (Rule rule : HTML_PAGES) {
                if (rule.pattern().matcher(text).find()) {
                    return new Screened(null, List.of(name + ": " + rule.source()));
                }
            }
            return meaningful(text) ? new Screened(part, List.of()) : new Screened(null, List.of(name + ": empty text"));
        }
        if (!type.equals("text/plain")) {
            return new Screened(part, List.of());
        }
        List<String> removed = new ArrayList<>();
        String rest = text;
        for (Rule rule : TEXTS) {
            Matcher matcher = rule.pattern().matcher(rest);
            if (matcher.find()) {
                removed.add(name + ": " + rule.source() + " \"" + abbreviate(matcher.group()) + "\"");
                rest = matcher.replaceAll("");
            }
        }
        if (!meaningful(rest)) {
            removed.add(name + (removed.isEmpty() ? ": empty text" : ": nothing of the sender's left"));
            return new Screened(null, removed);
        }
        if (removed.isEmpty()) {
            return new Screened(part, List.of());
        }
        MimePart trimmed = new MimePart(part.contentType(), part.fileName(), part.contentId(), part.contentLocation(),
                rest.strip().getBytes(charset));
        return new Screened(trimmed, removed);
    }

    /** The subject, or empty when it is a carrier's default (then named in {@code removed}). */
    static String subject(String subject, List<String> removed) {
        if (subject.isEmpty()) {
            return subject;
        }
        if (subject.length() <= 200 && firstMatch(SUBJECTS, subject) != null) {
            removed.add("subject \"" + subject + "\": carrier default subject");
            return "";
        }
        if (!meaningful(subject)) {
            removed.add("subject \"" + subject + "\": no words");
            return "";
        }
        return subject;
    }

    /** The charset a text part names; ISO-8859-1 when it names none, US-ASCII or one the JDK lacks, so every byte survives. */
    static Charset charsetOf(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        if (matcher.find()) {
            try {
                Charset named = Charset.forName(matcher.group(1));
                if (!named.equals(StandardCharsets.US_ASCII)) {
                    return named;
                }
            } catch (IllegalArgumentException unknown) {
                // fall through: bytes kept one to one
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** Whole-value match: these tables name whole files and whole subjects. */
    private static Rule firstMatch(List<Rule> rules, String value) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(value.trim()).matches()) {
                return rule;
            }
        }
        return null;
    }

    private static boolean meaningful(String text) {
        return MEANINGFUL.matcher(text).find();
    }

    /** How a removed part is named: its file name, location or Content-ID, and its type. */
    static String label(MimePart part) {
        String name = part.fileName() != null ? part.fileName()
                : part.contentLocation() != null ? part.contentLocation()
                : part.contentId() != null ? "<" + part.contentId() + ">" : "(unnamed)";
        return name + " (" + part.mediaType() + ")";
    }

    private static String abbreviate(String text) {
        String line = MailHeaders.oneLine(text);
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
