package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;

/**
 * A decoded picture: {@code pixels} may be smaller than the source ({@code width}×{@code height})
 * because only every {@code stepX}-th column and {@code stepY}-th row were decoded.
 */
public record DecodedImage(BufferedImage pixels, String format, int width, int height, int stepX, int stepY) {
}
