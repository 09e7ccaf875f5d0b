package io.baton.recognition.domain.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

import io.baton.support.SeededRandom;

/**
 * Campaign-like pictures drawn in code from a seed (our own artwork, nothing copied): gradients,
 * shapes, word-like marks and grain. Families of look-alikes (one template, different content;
 * one banner, different photo) are the hard negatives a seed matcher must still tell apart.
 */
public final class ArtworkFixtures {

    private ArtworkFixtures() {
    }

    /** A poster: gradient background, a dozen shapes, a few lines of "text", light grain. */
    public static BufferedImage artwork(long seed, int width, int height) {
        Random r = new SeededRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        background(g, r, 0, 0, width, height);
        shapes(g, r, 0, 0, width, height, 6 + r.nextInt(10));
        text(g, r, width / 10, height * 3 / 4, width * 8 / 10, height / 5);
        g.dispose();
        grain(img, r, 6);
        return img;
    }

    /** A photo-like picture: many soft overlapping blobs, no hard layout. */
    public static BufferedImage photo(long seed, int width, int height) {
        Random r = new SeededRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        background(g, r, 0, 0, width, height);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 40 + r.nextInt(100)));
            int s = (int) (Math.min(width, height) * (0.05 + 0.4 * r.nextDouble()));
            g.fillOval(r.nextInt(width) - s / 2, r.nextInt(height) - s / 2, s, (int) (s * (0.5 + r.nextDouble())));
        }
        g.dispose();
        grain(img, r, 10);
        return img;
    }

    /**
     * The same template (background, header bar, frame, footer text) with different content in
     * the middle 60%: two weeks of one campaign's posters.
     */
    public static BufferedImage templated(long templateSeed, long contentSeed, int width, int height) {
        Random t = new SeededRandom(templateSeed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        background(g, t, 0, 0, width, height);
        g.setColor(new Color(t.nextInt(0x1000000)));
        g.fillRect(0, 0, width, height / 6);
        text(g, t, width / 8, height / 24, width * 3 / 4, height / 10);
        g.setStroke(new BasicStroke(Math.max(2, width / 80)));
        g.setColor(new Color(t.nextInt(0x1000000)));
        int x = width / 5;
        int y = height / 5;
        int w = width * 3 / 5;
        int h = height * 3 / 5;
        g.drawRect(x - 4, y - 4, w + 8, h + 8);
        text(g, t, width / 10, height * 21 / 24, width * 8 / 10, height / 12);
        Random c = new SeededRandom(contentSeed);
        background(g, c, x, y, w, h);
        shapes(g, c, x, y, w, h, 4 + c.nextInt(6));
        g.dispose();
        grain(img, t, 4);
        return img;
    }

    /** A shared banner over the top quarter and a shared corner logo, over a different photo. */
    public static BufferedImage bannerOverPhoto(long bannerSeed, long photoSeed, int width, int height) {
        BufferedImage img = photo(photoSeed, width, height);
        Random b = new SeededRandom(bannerSeed);
        Graphics2D g = graphics(img);
        background(g, b, 0, 0, width, height / 4);
        text(g, b, width / 10, height / 16, width * 8 / 10, height / 8);
        g.setColor(new Color(b.nextInt(0x1000000)));
        int s = Math.min(width, height) / 6;
        g.fillOval(width - s - s / 4, height - s - s / 4, s, s);
        g.dispose();
        return img;
    }

    /** Nearly flat: a soft two-colour gradient, as a blank card or a sky. PDQ quality is low. */
    public static BufferedImage flat(long seed, int width, int height) {
        Random r = new SeededRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        Color a = new Color(r.nextInt(0x1000000));
        g.setPaint(new GradientPaint(0, 0, a, width, height, a.brighter()));
        g.fillRect(0, 0, width, height);
        g.dispose();
        grain(img, r, 2);
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static void background(Graphics2D g, Random r, int x, int y, int w, int h) {
        float angle = (float) (r.nextDouble() * Math.PI * 2);
        float cx = x + w / 2f;
        float cy = y + h / 2f;
        float dx = (float) Math.cos(angle) * w / 2;
        float dy = (float) Math.sin(angle) * h / 2;
        g.setPaint(new GradientPaint(cx - dx, cy - dy, new Color(r.nextInt(0x1000000)), cx + dx, cy + dy,
                new Color(r.nextInt(0x1000000))));
        g.fillRect(x, y, w, h);
    }

    private static void shapes(Graphics2D g, Random r, int x, int y, int w, int h, int count) {
        for (int i = 0; i < count; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 120 + r.nextInt(136)));
            int sw = (int) (w * (0.1 + 0.4 * r.nextDouble()));
            int sh = (int) (h * (0.1 + 0.4 * r.nextDouble()));
            int sx = x + r.nextInt(Math.max(1, w - sw));
            int sy = y + r.nextInt(Math.max(1, h - sh));
            switch (r.nextInt(3)) {
                case 0 -> g.fillOval(sx, sy, sw, sh);
                case 1 -> g.fillRect(sx, sy, sw, sh);
                default -> g.fillPolygon(new Polygon(new int[] { sx, sx + sw, sx + r.nextInt(Math.max(1, sw)) },
                        new int[] { sy + sh, sy + sh, sy }, 3));
            }
        }
    }

    /** Lines of word-like blocks: what a slogan looks like to a 64×64 hash. */
    private static void text(Graphics2D g, Random r, int x, int y, int w, int h) {
        g.setColor(r.nextBoolean() ? Color.WHITE : Color.BLACK);
        int lines = 1 + r.nextInt(3);
        int lineHeight = Math.max(2, h / lines);
        int glyph = Math.max(2, lineHeight * 2 / 3);
        for (int l = 0; l < lines; l++) {
            int cx = x;
            int cy = y + l * lineHeight;
            while (cx < x + w - glyph) {
                int letters = 2 + r.nextInt(8);
                for (int i = 0; i < letters && cx < x + w - glyph; i++) {
                    int gh = glyph * (2 + r.nextInt(2)) / 3;
                    g.fillRect(cx, cy + glyph - gh, Math.max(1, glyph / 2), gh);
                    cx += glyph * 2 / 3 + 1;
                }
                cx += glyph;
            }
        }
    }

    private static void grain(BufferedImage img, Random r, int amplitude) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int n = r.nextInt(2 * amplitude + 1) - amplitude;
            int p = px[i];
            px[i] = clamp((p >> 16 & 0xff) + n) << 16 | clamp((p >> 8 & 0xff) + n) << 8 | clamp((p & 0xff) + n);
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
