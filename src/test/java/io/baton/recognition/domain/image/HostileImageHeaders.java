package io.baton.recognition.domain.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Headers that declare a picture of the given size and carry (almost) no pixel data. */
final class HostileImageHeaders {

    private HostileImageHeaders() {
    }

    static byte[] of(String format, int width, int height) {
        return switch (format) {
            case "png" -> png(width, height);
            case "jpeg" -> jpeg(width, height);
            case "gif" -> gif(width, height);
            case "bmp" -> bmp(width, height);
            default -> wbmp(width, height);
        };
    }

    static byte[] png(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        b.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue()).putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    /** SOI, a quantisation table, then a baseline SOF0 declaring the size. */
    static byte[] jpeg(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 69 + 19 + 2);
        b.put((byte) 0xFF).put((byte) 0xD8);
        b.put((byte) 0xFF).put((byte) 0xDB).putShort((short) 67).put((byte) 0);
        for (int i = 0; i < 64; i++) {
            b.put((byte) 1);
        }
        b.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8).putShort((short) height)
                .putShort((short) width).put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        b.put((byte) 0xFF).put((byte) 0xD9);
        return b.array();
    }

    static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(6 + 7 + 10 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put((byte) 2).put((byte) 0).put((byte) 0x3B).put((byte) 0);
        return b.array();
    }

    static byte[] bmp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(70).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** Type 0, fixed header 0, then width and height as WAP multi-byte integers. */
    static byte[] wbmp(int width, int height) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.write(0);
        writeMultiByte(b, width);
        writeMultiByte(b, height);
        b.write(0);
        return b.toByteArray();
    }

    private static void writeMultiByte(ByteArrayOutputStream b, int v) {
        int shift = 28;
        while (shift > 0 && (v >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            b.write(0x80 | (v >>> shift) & 0x7F);
        }
        b.write(v & 0x7F);
    }
}
