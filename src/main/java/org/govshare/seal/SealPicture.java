package org.govshare.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Draws a department's seal picture the way a Chinese official seal looks: a red ring, the department's name along
 * the upper arc read clockwise, a five-pointed star in the middle and the seal's use below it, on a transparent
 * ground so that it sits over the text it seals. The characters come from the Noto Sans SC font the build ships, so
 * every machine draws the same picture.
 */
public final class SealPicture {

    /** the side of the square picture, in pixels */
    public static final int SIZE = 320;
    private static final Color SEAL_RED = new Color(0xD7, 0x00, 0x0F);
    private static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile Font base;

    private SealPicture() {
    }

    /** The picture as PNG. */
    public static byte[] png(String departmentName) {
        return png(departmentName, "电子印章");
    }

    /** @param use the words under the star, e.g. 电子印章 or 共享专用章 */
    public static byte[] png(String departmentName, String use) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            double c = SIZE / 2.0;
            g.setStroke(new BasicStroke(10f));
            g.drawOval(8, 8, SIZE - 16, SIZE - 16);
            g.fill(star(c, c, 46, 18));
            drawArc(g, departmentName, c);
            Font small = font().deriveFont(Font.PLAIN, 26f);
            g.setFont(small);
            int width = g.getFontMetrics().stringWidth(use);
            g.drawString(use, (float) (c - width / 2.0), (float) (c + 92));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The name along the upper arc, from lower left over the top to lower right, each character upright to the rim. */
    private static void drawArc(Graphics2D g, String name, double c) {
        int count = Math.max(1, name.codePointCount(0, name.length()));
        double sweep = Math.toRadians(Math.min(240, 22 * count + 40));
        float size = count > 14 ? 24f : count > 10 ? 28f : 34f;
        g.setFont(font().deriveFont(Font.PLAIN, size));
        double radius = SIZE / 2.0 - 30 - size / 2;
        double start = -Math.PI / 2 - sweep / 2;
        int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            double angle = codePoints.length == 1 ? -Math.PI / 2 : start + sweep * i / (codePoints.length - 1);
            String ch = new String(Character.toChars(codePoints[i]));
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            int w = g.getFontMetrics().stringWidth(ch);
            g.drawString(ch, -w / 2f, size / 2.6f);
            g.setTransform(saved);
        }
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static Font font() {
        Font loaded = base;
        if (loaded == null) {
            try (InputStream in = SealPicture.class.getClassLoader().getResourceAsStream(FONT)) {
                loaded = in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                loaded = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            base = loaded;
        }
        return loaded;
    }
}
