import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the reference campaign's seed image (our own artwork): a relay torch with its flame on
 * a red field. Run from this directory: {@code java DrawTorch.java ../torch.jpg}.
 */
public class DrawTorch {
    public static void main(String[] args) throws Exception {
        int w = 320, h = 240;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(200, 16, 46), 0, h, new Color(120, 0, 20)));
        g.fillRect(0, 0, w, h);
        // rays
        g.setColor(new Color(255, 220, 120, 60));
        for (int i = 0; i < 24; i++) {
            double a = Math.PI * 2 * i / 24;
            g.setStroke(new BasicStroke(6));
            g.drawLine(160, 80, (int) (160 + Math.cos(a) * 300), (int) (80 + Math.sin(a) * 300));
        }
        // handle
        Path2D handle = new GeneralPath();
        handle.moveTo(140, 110);
        handle.lineTo(180, 110);
        handle.lineTo(166, 225);
        handle.lineTo(154, 225);
        handle.closePath();
        g.setPaint(new GradientPaint(140, 0, new Color(230, 230, 235), 180, 0, new Color(150, 150, 160)));
        g.fill(handle);
        g.setColor(new Color(212, 175, 55));
        g.fillRect(134, 100, 52, 14);
        // flame
        Path2D flame = new GeneralPath();
        flame.moveTo(160, 20);
        flame.curveTo(200, 55, 195, 90, 182, 100);
        flame.lineTo(138, 100);
        flame.curveTo(120, 80, 140, 50, 160, 20);
        g.setPaint(new GradientPaint(160, 20, new Color(255, 240, 80), 160, 100, new Color(255, 110, 0)));
        g.fill(flame);
        Path2D inner = new GeneralPath();
        inner.moveTo(160, 50);
        inner.curveTo(178, 70, 175, 90, 168, 98);
        inner.lineTo(152, 98);
        inner.curveTo(145, 85, 150, 70, 160, 50);
        g.setColor(new Color(255, 255, 210));
        g.fill(inner);
        // five rings motif, as plain circles
        g.setStroke(new BasicStroke(3));
        int[][] rings = {{40, 200}, {64, 200}, {88, 200}, {52, 214}, {76, 214}};
        for (int[] r : rings) {
            g.setColor(new Color(255, 255, 255, 200));
            g.drawOval(r[0] - 10, r[1] - 10, 20, 20);
        }
        g.setColor(Color.WHITE);
        g.setFont(g.getFont().deriveFont(18f));
        g.drawString("2008", 250, 225);
        g.dispose();
        ImageIO.write(img, "jpg", new File(args.length > 0 ? args[0] : "torch.jpg"));
    }
}
