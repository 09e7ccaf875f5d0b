package io.baton.recognition.domain.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.baton.recognition.domain.image.UnreadableImageException.Reason;

/**
 * Turns the bytes of an MMS image part into pixels for hashing, within limits: the byte count is
 * checked first, then the size the header declares, both before any pixel is decoded, so a
 * 60000×60000 header costs a few microseconds and no memory. JPEG goes through TwelveMonkeys
 * (on the classpath, it takes over ImageIO's "jpeg" name) which reads the CMYK, YCCK and broken
 * files handsets produce.
 *
 * <p>Large pictures are decoded subsampled: PDQ reduces every picture to 64×64 anyway, so keeping
 * {@link Limits#minDecodedSide} samples per axis loses almost nothing (measured in
 * {@code docs/recognition-image-thresholds.md}) and saves the colour conversion and copying of
 * the rest. Only the first frame of an animated GIF is read. EXIF orientation is ignored: a
 * rotated picture is matched through its dihedral hashes instead.
 *
 * <p>Thread-safe; readers are created per call.
 */
public final class ImageDecoding {

    /**
     * @param maxBytes       larger parts are refused unread
     * @param maxSide        longest side allowed by the header
     * @param maxPixels      width × height allowed by the header; bounds decoding time, since even
     *                       a subsampled decode reads every compressed byte
     * @param minDecodedSide subsample no further than this many samples per axis; 0 decodes
     *                       every pixel
     */
    public record Limits(int maxBytes, int maxSide, long maxPixels, int minDecodedSide) {
        public Limits {
            if (maxBytes <= 0 || maxSide <= 0 || maxPixels <= 0 || minDecodedSide < 0) {
                throw new IllegalArgumentException("image limits must be positive: " + maxBytes + ", " + maxSide
                        + ", " + maxPixels + ", " + minDecodedSide);
            }
        }
    }

    /**
     * For forwards: messages rarely exceed 1 MB (carriers cap them at 300 KB to 3.5 MB); 48 MP
     * covers any phone camera that sends unscaled. 512 samples per axis leave the usual MMS sizes
     * (640×480 and below) whole, and cost a median 4 bits (max 16) on 1600×1200; 256 would cost
     * up to 12 bits on 640×480 because skipping pixels aliases fine texture.
     */
    public static final Limits MMS = new Limits(8 << 20, 16_384, 48_000_000L, 512);

    /** For seeds, decoded once when a campaign is set up: every pixel, so the index is exact. */
    public static final Limits SEED = new Limits(32 << 20, 16_384, 48_000_000L, 0);

    private static final String[] TRUNCATION_WARNINGS = { "truncated", "premature end" };

    private final Limits limits;

    public ImageDecoding(Limits limits) {
        this.limits = limits;
    }

    /** The picture's pixels, in colour. */
    public DecodedImage decode(byte[] data) throws UnreadableImageException {
        return decode(data, false);
    }

    /**
     * The picture for hashing: as {@link #decode}, except that a YCbCr or grey JPEG comes back
     * as a grey image of its luma, read from the decoder's raw samples without the colour
     * conversion (about a quarter of the decoding time at 640×480). The luma is within 3 levels of the
     * one computed from RGB, so hashes agree within a few bits.
     */
    public DecodedImage decodeForHashing(byte[] data) throws UnreadableImageException {
        return decode(data, true);
    }

    private DecodedImage decode(byte[] data, boolean lumaWillDo) throws UnreadableImageException {
        if (data == null || data.length == 0) {
            throw new UnreadableImageException(Reason.EMPTY, null, "no bytes");
        }
        if (data.length > limits.maxBytes()) {
            throw new UnreadableImageException(Reason.TOO_MANY_BYTES, null,
                    data.length + " bytes, more than " + limits.maxBytes());
        }
        ImageFormat format = ImageFormat.sniff(data);
        if (format == null) {
            throw new UnreadableImageException(Reason.UNKNOWN_FORMAT, null,
                    "starts with " + String.format("%02x %02x", data[0], data.length > 1 ? data[1] : 0));
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new UnreadableImageException(Reason.UNKNOWN_FORMAT, format.imageIoName, "no ImageIO reader installed");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            boolean luma = lumaWillDo && format == ImageFormat.JPEG && JpegMarkers.firstBandIsLuma(data);
            return read(reader, in, format.imageIoName, luma);
        } catch (UnreadableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // plug-ins throw IIOException, EOFException, and on hostile input also
            // IndexOutOfBounds, IllegalArgument, NegativeArraySize: all mean "not a usable picture"
            Reason reason = causedByEndOfData(e) ? Reason.TRUNCATED : Reason.CORRUPT;
            throw new UnreadableImageException(reason, format.imageIoName, String.valueOf(e.getMessage()), e);
        } finally {
            reader.dispose();
        }
    }

    private DecodedImage read(ImageReader reader, ImageInputStream in, String format, boolean lumaOnly)
            throws IOException, UnreadableImageException {
        // seek forward only and no metadata: nothing is kept that the pixels do not need
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || width > limits.maxSide() || height > limits.maxSide()
                || (long) width * height > limits.maxPixels()) {
            throw new UnreadableImageException(Reason.TOO_LARGE, format, width + "×" + height + " exceeds "
                    + limits.maxSide() + " per side or " + limits.maxPixels() + " pixels");
        }
        int stepX = step(width);
        int stepY = step(height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(stepX, stepY, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage pixels = lumaOnly ? firstBandAsGrey(reader.readRaster(0, param)) : reader.read(0, param);
        for (String w : warnings) {
            String lower = w.toLowerCase(Locale.ROOT);
            for (String t : TRUNCATION_WARNINGS) {
                if (lower.contains(t)) {
                    // the reader fills the missing part with grey: a hash of that is not the picture's
                    throw new UnreadableImageException(Reason.TRUNCATED, format, w);
                }
            }
        }
        return new DecodedImage(pixels, format, width, height, stepX, stepY);
    }

    /** A grey image viewing band 0 of an interleaved byte raster, sharing its data (no copy). */
    private static BufferedImage firstBandAsGrey(Raster raw) throws IOException {
        if (!(raw.getDataBuffer() instanceof DataBufferByte bytes) || !(raw.getSampleModel() instanceof ComponentSampleModel sm)
                || bytes.getNumBanks() != 1) {
            throw new IIOException("unexpected raw JPEG raster " + raw.getSampleModel());
        }
        // getOffset includes band 0's offset; the translation maps the raster's origin to the buffer's
        int offset = sm.getOffset(-raw.getSampleModelTranslateX(), -raw.getSampleModelTranslateY());
        WritableRaster band = Raster.createInterleavedRaster(bytes,
                raw.getWidth(), raw.getHeight(), sm.getScanlineStride(), sm.getPixelStride(), new int[] { offset }, null);
        return new BufferedImage(GREY, band, false, null);
    }

    private static final ComponentColorModel GREY = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private int step(int side) {
        return limits.minDecodedSide() == 0 ? 1 : Math.max(1, side / limits.minDecodedSide());
    }

    private static boolean causedByEndOfData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
