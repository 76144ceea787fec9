package org.linearmodels.predict;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.Causes;

/**
 * Reads a user's image file for a predictor: checks it is a readable image of sane size before
 * decoding it, then flattens any colour model (alpha, palette, 16-bit, RGB) onto a white
 * background as 8-bit grey, which is what a person sees. DJL's own grey conversion ignores
 * alpha, so a digit drawn on a transparent canvas would otherwise come out all black.
 */
public final class ImageFiles {

    /** Larger files are refused before reading: no digit photo needs more. */
    public static final long MAX_BYTES = 50L << 20;
    /** Larger images are refused before decoding, which would need 4 bytes a pixel. */
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {}

    /** Reads {@code file} as an 8-bit grey DJL image, or fails with one clear line. */
    public static Image readGray(Path file) {
        return flattenGray(decode(file), file.toString());
    }

    /**
     * Reads an image sent as bytes (e.g. the body of a DJL Serving request) as {@link
     * #readGray(Path)} reads a file.
     *
     * @param source what the bytes are, for the error
     */
    public static Image readGray(byte[] bytes, String source) {
        return readGray(bytes, source, MAX_PIXELS);
    }

    /**
     * As {@link #readGray(byte[], String)}, refusing images over {@code maxPixels} from their
     * header, before any pixel is decoded (a small file can declare a huge image).
     */
    public static Image readGray(byte[] bytes, String source, long maxPixels) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new BadInputException(source + " has " + bytes.length
                    + " bytes; send a PNG or JPEG image of up to " + (MAX_BYTES >> 20) + " MB.");
        }
        BufferedImage decoded;
        // In memory: ImageIO's own choice for a stream caches it in a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new BadInputException(source + " is not an image this JVM"
                        + " reads; send a PNG, JPEG, GIF or BMP image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > maxPixels) {
                    throw new BadInputException(String.format(Locale.ROOT,
                            "%s is %d×%d pixels; images up to %.1f megapixels are read, so"
                                    + " scale it down.", source, width, height,
                            maxPixels / 1e6));
                }
                requireHeapFor(reader, source);
                decoded = readWithin(reader, source);
            } finally {
                reader.dispose();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source + " cannot be decoded ("
                    + Causes.of(e) + "); send a PNG, JPEG, GIF or BMP image.", e);
        }
        if (decoded == null || decoded.getWidth() == 0 || decoded.getHeight() == 0) {
            throw new BadInputException(source + " has no pixels; send a PNG, JPEG,"
                    + " GIF or BMP image.");
        }
        return flattenGray(decoded, source);
    }

    /**
     * Refuses, from the header alone, a picture whose decoding would not fit in the heap left:
     * the decoded raster, its 8-bit grey copy, and the int a pixel (plus a byte) DJL's image
     * factory copies it into to make a tensor. A fixed pixel limit cannot know the heap.
     */
    private static void requireHeapFor(ImageReader reader, String source) throws IOException {
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        long needed = pixels * (decodedBytesPerPixel(reader) + 1 + 5);
        long free = freeHeap();
        if (needed > free) {
            System.gc();  // only this close to the limit: what is free may just be uncollected
            free = freeHeap();
        }
        if (needed > free) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s is %dx%d pixels, which takes about %d MB to decode; this JVM has %d MB"
                            + " of heap free, so scale the picture down (or give Java more"
                            + " heap, e.g. JAVA_OPTS=-Xmx2g).", source, reader.getWidth(0),
                    reader.getHeight(0), needed >> 20, free >> 20));
        }
    }

    /** Bytes a pixel of the decoded image takes: its bands times their sample size. */
    private static long decodedBytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            return 4;  // ImageIO's usual fallback, 8-bit ARGB
        }
        SampleModel model = type.getSampleModel();
        int bits = 0;
        for (int size : model.getSampleSize()) {
            bits += size;
        }
        // Packed and paletted images still hold at least a byte a pixel; 16-bit ones two a band.
        long sampleBytes = DataBuffer.getDataTypeSize(model.getDataType()) / 8;
        return Math.max(Math.max(1, (bits + 7) / 8), model.getNumDataElements() * sampleBytes);
    }

    private static long freeHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** Decodes image 0; should the estimate still fall short, the same line as before. */
    private static BufferedImage readWithin(ImageReader reader, String source)
            throws IOException {
        try {
            return readWhole(reader, source);
        } catch (OutOfMemoryError e) {
            throw tooLargeForHeap(source);
        }
    }

    private static BadInputException tooLargeForHeap(String source) {
        return new BadInputException(String.format(Locale.ROOT, "%s does not fit"
                + " in this JVM's heap of %d MB once decoded, so scale the picture down (or give"
                + " Java more heap, e.g. JAVA_OPTS=-Xmx2g).", source,
                Runtime.getRuntime().maxMemory() >> 20));
    }

    private static Image flattenGray(BufferedImage decoded, String source) {
        if (decoded.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return ImageFactory.getInstance().fromImage(decoded);
        }
        BufferedImage gray;
        try {
            gray = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
                    BufferedImage.TYPE_BYTE_GRAY);
        } catch (OutOfMemoryError e) {
            throw tooLargeForHeap(source);
        }
        Graphics2D graphics = gray.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, gray.getWidth(), gray.getHeight());
        graphics.drawImage(decoded, 0, 0, null);
        graphics.dispose();
        return ImageFactory.getInstance().fromImage(gray);
    }

    private static BufferedImage decode(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw bad(file, "cannot be read: " + Causes.of(e) + "; check the path", e);
        }
        if (Files.isDirectory(file)) {
            throw bad(file, "is a directory; give image files", null);
        }
        // ImageIO turns a file it may not open into "no reader", i.e. "not an image".
        try (SeekableByteChannel opened = Files.newByteChannel(file)) {
            opened.size();
        } catch (IOException e) {
            throw bad(file, "cannot be read: " + Causes.of(e) + "; check its permissions", e);
        }
        if (bytes == 0) {
            throw bad(file, "is empty (0 bytes); give a PNG or JPEG image", null);
        }
        if (bytes > MAX_BYTES) {
            throw bad(file, String.format(Locale.ROOT, "is %.0f MB; images up to %d MB are"
                    + " read, so scale it down", bytes / 1048576.0, MAX_BYTES >> 20), null);
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw bad(file, "is not an image this JVM reads; give a PNG, JPEG, GIF or BMP",
                        null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw bad(file, String.format(Locale.ROOT, "is %dx%d pixels; images up to"
                            + " %d megapixels are read, so scale it down", reader.getWidth(0),
                            reader.getHeight(0), MAX_PIXELS / 1_000_000), null);
                }
                requireHeapFor(reader, file.toString());
                BufferedImage image = readWithin(reader, file.toString());
                if (image.getWidth() == 0 || image.getHeight() == 0) {
                    throw bad(file, "has no pixels", null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw bad(file, "cannot be decoded as " + formatOf(file) + " ("
                    + Causes.of(e) + "); the file is damaged or not an image", e);
        }
    }

    /**
     * The first image, refused when the reader warned while decoding it: a JPEG cut short
     * decodes with only "Premature end of JPEG file" said to a listener, and grey below.
     */
    private static BufferedImage readWhole(ImageReader reader, String source)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((from, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new BadInputException(source + " is truncated or damaged ("
                    + warnings.get(0) + "); use the complete file.");
        }
        return image;
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "an image" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    private static BadInputException bad(Path file, String problem, Throwable cause) {
        return new BadInputException(file + " " + problem + ".", cause);
    }
}
