package io.baton.recognition.domain.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaign texts of our own for calibration and tests. A seed is written as a template: the brand
 * in braces and one key sentence in square brackets, so near misses (another brand, another key
 * sentence) can be made from the same words.
 */
public final class SeedTextFixtures {

    private SeedTextFixtures() {
    }

    public static final List<String> SEED_TEMPLATES = List.of(
            "{中国移动}奥运火炬传到了你手上！[转发给朋友，每成功传递一次即获得一个参与序号。]序号越多，中奖机会越大，活动截止8月24日。",
            "{可口可乐}陪你过新年：[把这条彩信转发给三位好友，就有机会赢取全年免费畅饮。]祝你新春快乐，万事如意！",
            "{招商银行}信用卡感恩回馈，[每转发一次即可累积一次抽奖机会，最高可得iPhone一部。]详情请咨询95555。",
            "世界杯狂欢季！{青岛啤酒}邀你一起为中国队加油，[转发本彩信给球迷朋友，猜中比分赢现场门票。]",
            "{万达影城}暑期观影节开幕啦！[集齐五次转发即可兑换一张免费电影票，]全国二百家影城通用，先到先得。",
            "中秋月圆人团圆，{五芳斋}月饼送祝福。[请把这份祝福传给你最想念的人，每传一次为希望小学捐出一元。]",
            "【{中国联通}】春运回家路上不孤单：[转发本消息给同乡好友，双方各得100分钟免费通话。]平安到家，一路顺风！",
            "{京东}双十一预热，[转发这条彩信给十位好友，抽取一万名幸运用户免单。]好物提前抢，错过再等一年！",
            "{蒙牛}为北京加油！[我们的火炬接力正在进行中，传递给你的朋友就能点亮一座城市。]已有3215890人参与。",
            "{华为}新品发布会邀请函：[成功转发给五位朋友，即可预约线下体验并领取精美礼品。]时间：十月十八日下午两点。",
            "母亲节快乐！{周大福}提醒你：[把这句爱的话转发给妈妈，再传给三位朋友，即可参加钻石吊坠抽奖。]",
            "{百度}地图新春红包雨：[每邀请一位好友转发，你和好友各得五元打车券，]上不封顶，快来一起抢吧。",
            "{国家电网}节约用电倡议：[随手关灯，从我做起，请转发给身边的人，共同守护绿水青山。]谢谢你的参与。",
            "{肯德基}疯狂星期四开始啦！[转发此彩信到店出示，原味鸡第二块半价，]仅限今天，全国门店有效。",
            "The {Nike} Run Relay is coming to your city! [Forward this message to a friend and both of you get a free race bib.] Sign up before June 30.",
            "{Starbucks} summer cheer: [pass this card on to three friends and each forward earns you a star toward a free drink.] Enjoy the sunshine!",
            "Join the {Vodafone} Olympic torch relay! [Every successful forward gives you one more ticket in our grand prize draw.] Keep the flame alive.",
            "{Tesco} Christmas Giving: [for every forward of this message we donate 10p to local food banks,] so share the warmth this season.",
            "Happy Lunar New Year from {HSBC}! [Forward this red envelope to five friends to unlock a lucky draw for travel vouchers.] Offer ends 15 Feb.",
            "{Adidas} presents the World Cup Challenge: [guess the final score, forward this to your team and the best predictor wins signed boots.]",
            "Your friend invited you to the {Spotify} Summer Mixtape. [Forward it to another friend to unlock three months of premium for free,] no card needed.",
            "{McDonald's} Monopoly is back! [Send this MMS to a friend and you both get a free game piece at any restaurant.] Good luck collecting!",
            "Be part of the {Samsung} Galaxy Wave: [each person you forward this to adds a light to our digital skyline in Times Square.] Over 1 million lights so far.",
            "{Unicef} Lights of Hope: [a single forward lights one candle, and every candle funds a day of clean water for a child.] Thank you for caring.");

    /** Another brand per seed language, for the "same slogan, other brand" near miss. */
    public static final List<String> OTHER_BRANDS_ZH = List.of("中国电信", "百事可乐", "建设银行", "燕京啤酒", "苏宁", "海尔", "伊利",
            "小米", "周生生", "阿里巴巴", "南方电网", "麦当劳", "华润", "光大银行");
    public static final List<String> OTHER_BRANDS_EN = List.of("Adidas", "Costa", "O2", "Sainsbury's", "Barclays", "Puma",
            "Deezer", "Burger King", "Apple", "Oxfam", "Reebok", "Lidl");

    /** Key sentences that fit the same templates but are not any seed's. */
    public static final List<String> OTHER_KEY_SENTENCES_ZH = List.of("关注官方微博并评论，即可参加每周一次的幸运抽奖。",
            "凭本短信到任意门店购物满一百元立减二十元。", "回复数字1即可订阅活动资讯，每月抽取一千名幸运用户。",
            "登录官网填写问卷，即送五十元话费充值卡。", "下载手机客户端注册新用户，首单立享八折优惠。");
    public static final List<String> OTHER_KEY_SENTENCES_EN = List.of("Reply YES to this number to enter the weekly prize draw.",
            "Show this text at any store to get 20% off your next purchase.",
            "Download our app and register today to receive a welcome voucher.",
            "Follow us online and comment to win one of a hundred gift cards.");

    /** Campaign-like texts that are no seed of ours. */
    public static final List<String> OTHER_CAMPAIGN_TEXTS = List.of(
            "建行龙卡周末五折：每周六在指定商户刷卡消费，立享五折优惠，单笔最高减五十元。",
            "苏宁易购家电节，空调冰箱满三千减三百，以旧换新再补贴，详情请登录官网查询。",
            "感谢您使用中国电信天翼宽带，本月起升级至千兆光纤，无需更换设备，如有疑问请拨打10000。",
            "百事可乐渴望无限，扫描瓶盖二维码，百分百中奖，最高可得现金一万元。",
            "国庆七天乐，海底捞全国门店满二百送五十，欢迎带上家人朋友一起来聚餐。",
            "温馨提示：您的话费余额不足十元，为避免影响正常使用，请及时充值。",
            "新东方暑期英语集训营火热报名中，前一百名报名送价值三百元学习大礼包。",
            "平安保险提醒您：台风将至，请关好门窗，减少外出，注意出行安全。",
            "Costa Coffee loyalty week: buy two flat whites and get a third one on us, in every store until Sunday.",
            "Your O2 bill is ready. Log in to My O2 to view it and set up a direct debit to save 5% a month.",
            "Win a trip to Paris with Air France! Answer three questions on our website before the end of May.",
            "Barclays alert: we will never ask for your PIN by text. If in doubt, call the number on your card.",
            "Lidl Super Weekend: strawberries 99p, chicken breasts half price, while stocks last.",
            "The Red Cross blood drive is at the town hall on Saturday, every donation can save three lives.",
            "Burger King Whopper Wednesday: two Whoppers for the price of one with the app, all day long.");

    /** Ordinary messages people send each other. */
    public static final List<String> CHAT_TEXTS = List.of("晚上一起吃饭吗？我七点下班。", "到家了没？路上注意安全。", "妈，我这周末回家，想吃红烧肉。",
            "会议改到明天下午三点了，记得带上项目资料。", "哈哈哈，笑死我了，你从哪里看到的？", "生日快乐！祝你天天开心，越来越漂亮！",
            "老师说明天的作业要交到办公室，别忘了。", "我在楼下等你，快点下来吧，车停在门口。", "刚才的电话是谁打的？我没接到。",
            "下雨了，记得收衣服，阳台上还晾着被子。", "新年快乐！恭喜发财，红包拿来！", "这个周末去爬山吗？天气预报说是晴天。",
            "你发的照片收到了，拍得真好看，在哪里拍的？", "转发给朋友看看这个视频，太好笑了。", "火车票买到了，初三早上八点的，到时候去接我。",
            "Running 10 minutes late, order me a coffee please.", "Did you see the game last night? What a finish!",
            "Happy birthday mate, have a great one and don't drink too much!", "Can you pick up milk and bread on your way home?",
            "Meeting moved to 3pm tomorrow, bring the slides.", "Thanks for dinner, it was lovely to see you all.",
            "Forward this to your friends if you want to come to the party on Friday.", "Where are you? We are at the usual table by the window.",
            "Mum says call her back when you get a chance.", "The train is delayed again, don't wait up for me.");

    private static final Pattern BRAND = Pattern.compile("\\{([^}]*)}");
    private static final Pattern KEY = Pattern.compile("\\[([^\\]]*)]");

    /** The seed text as sent: markers removed. */
    public static String seedText(String template) {
        return KEY.matcher(BRAND.matcher(template).replaceAll("$1")).replaceAll("$1");
    }

    static List<SeedText> seeds() {
        return java.util.stream.IntStream.range(0, SEED_TEMPLATES.size())
                .mapToObj(i -> new SeedText(campaignId(i), seedText(SEED_TEMPLATES.get(i)))).toList();
    }

    public static String campaignId(int i) {
        return "campaign-" + (i + 1);
    }

    public static boolean isChinese(String template) {
        return template.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    public static String withBrand(String template, String brand) {
        return seedText(BRAND.matcher(template).replaceAll(Matcher.quoteReplacement(brand)));
    }

    public static String withKeySentence(String template, String sentence) {
        return seedText(KEY.matcher(template).replaceAll(Matcher.quoteReplacement(sentence)));
    }
}
