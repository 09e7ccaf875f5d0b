package io.baton.recognition.domain.text;

import java.util.List;

/**
 * The phrases handsets and people put around a forwarded text, which the normaliser removes.
 * Written as people type them; the normaliser folds them (width, case, traditional characters)
 * before use, so "FWD：" and "轉發:" need no entries of their own.
 *
 * @param forwardPrefixes what a handset or person puts before a forward ("Fwd:", "转发:", "【转发】");
 *        removed from the start, repeatedly. An entry that is only letters and digits must be
 *        followed by a space or mark to be removed, so "转" never eats the first word of "转发给朋友".
 * @param greetings words a person adds before the text ("my friend says", "你好", "看看这个");
 *        removed from the start, repeatedly, only when a space or mark follows.
 * @param signatureLeads how an appended signature begins ("sent from my", "来自我的"); removed
 *        with up to {@link #SIGNATURE_TAIL} following characters on the same line, from the end
 *        only, and only after a space, line break or mark, so "奖品来自可口可乐" stays whole.
 */
public record HandsetPhrases(List<String> forwardPrefixes, List<String> greetings, List<String> signatureLeads) {

    /** Longest signature after its lead ("iPhone 15 Pro Max", "华为Mate60手机") that we remove. */
    public static final int SIGNATURE_TAIL = 24;

    public HandsetPhrases {
        forwardPrefixes = List.copyOf(forwardPrefixes);
        greetings = List.copyOf(greetings);
        signatureLeads = List.copyOf(signatureLeads);
    }

    /** What we have seen Chinese and English handsets and users add. */
    public static HandsetPhrases builtIn() {
        return new HandsetPhrases(
                List.of("fwd:", "fw:", "re:", "tr:", "wg:", "aw:", "fwd", "fw",
                        "转发:", "转:", "转载:", "转自:", "回复:", "[转]", "[转发]", "【转】", "【转发】", "【转载】",
                        "(转)", "(转发)", "<转>", "〔转〕", "「转」"),
                List.of("my friend says", "my friend said", "a friend says", "a friend sent you this",
                        "look at this", "check this out", "check this", "have a look", "hi", "hello", "hey",
                        "dear", "fyi", "你好", "您好", "嗨", "哈喽", "hello啊", "亲", "看看这个", "看看", "看这个",
                        "朋友说", "我朋友说", "朋友发来的", "朋友转给我的", "转给你", "分享给你", "给你看看",
                        "好东西分享", "收到一条短信"),
                List.of("sent from my", "sent from", "sent via", "get outlook for", "来自我的", "发自我的", "来自",
                        "发自", "本短信由"));
    }
}
