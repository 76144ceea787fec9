package org.linearmodels.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linearmodels.predict.InkCrop.Box;

/**
 * The 8-connected pieces of ink in a region of a picture: which is a panel the digit sits on,
 * and which make the digit.
 */
final class InkPieces {

    /** A panel is larger than this on both sides: smaller pieces are strokes or specks. */
    private static final int PANEL_MIN_SIDE = 8;
    /** A panel fills at least this share of its box; a digit's strokes leave most of it empty. */
    private static final double PANEL_FILL = 0.5;
    /** A panel's box covers at least this share of the region: the digit sits inside it. */
    private static final double PANEL_SHARE = 0.25;
    /** A panel covers at least this share of its box's edge, as a rectangle does. */
    private static final double PANEL_EDGE = 0.75;
    /** A piece clear of the edge this much smaller than the largest is a speck, not the digit. */
    private static final double MAIN_SHARE = 0.15;
    /** Pieces smaller than this many pixels are specks. */
    private static final int SPECK_PIXELS = 3;
    /** ...as are pieces smaller than this share of the digit's main piece. */
    private static final double SPECK_SHARE = 0.04;
    /** A piece this close to the digit, as a share of its longer side, is part of it. */
    private static final double NEAR = 0.2;

    /** One piece of ink: its label, pixel count and inclusive bounding box. */
    record Part(int label, int area, int left, int top, int right, int bottom,
            boolean touchesEdge) {
        int boxArea() {
            return (right - left + 1) * (bottom - top + 1);
        }
    }

    private final List<Part> parts;
    /** Each pixel's piece: its label, or 0 for no ink. */
    private final int[] labels;
    private final int width;
    private final Box region;

    private InkPieces(List<Part> parts, int[] labels, int width, Box region) {
        this.parts = parts;
        this.labels = labels;
        this.width = width;
        this.region = region;
    }

    /** The pieces of {@code ink} (row by row, {@code width} wide) inside {@code region}. */
    static InkPieces of(boolean[] ink, int width, Box region) {
        List<Part> parts = new ArrayList<>();
        int[] labels = new int[ink.length];
        int[] queue = new int[region.width() * region.height()];
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                int start = y * width + x;
                if (!ink[start] || labels[start] != 0) {
                    continue;
                }
                int label = parts.size() + 1;
                int head = 0;
                int tail = 0;
                queue[tail++] = start;
                labels[start] = label;
                int left = x;
                int right = x;
                int top = y;
                int bottom = y;
                boolean edge = false;
                while (head < tail) {
                    int i = queue[head++];
                    int px = i % width;
                    int py = i / width;
                    left = Math.min(left, px);
                    right = Math.max(right, px);
                    top = Math.min(top, py);
                    bottom = Math.max(bottom, py);
                    edge |= region.onEdge(px, py);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = px + dx;
                            int ny = py + dy;
                            if (nx >= region.left() && nx < region.right()
                                    && ny >= region.top() && ny < region.bottom()) {
                                int n = ny * width + nx;
                                if (ink[n] && labels[n] == 0) {
                                    labels[n] = label;
                                    queue[tail++] = n;
                                }
                            }
                        }
                    }
                }
                parts.add(new Part(label, tail, left, top, right, bottom, edge));
            }
        }
        return new InkPieces(parts, labels, width, region);
    }

    List<Part> parts() {
        return parts;
    }

    /** The piece with the most pixels (the first of equals). */
    Part largest() {
        return largest(parts);
    }

    private static Part largest(List<Part> parts) {
        return parts.stream().max(Comparator.comparingInt(Part::area)).orElseThrow();
    }

    /**
     * True when {@code part} is a panel the digit sits on (a dark button, a screen, the paper
     * inside a frame): a large, mostly filled piece whose bounding box's edge it covers, as a
     * rectangle does and a digit's strokes do not.
     */
    boolean isPanel(Part part) {
        Box box = new Box(part.left(), part.top(), part.right() + 1, part.bottom() + 1);
        if (box.width() <= PANEL_MIN_SIDE || box.height() <= PANEL_MIN_SIDE
                || part.area() < PANEL_FILL * part.boxArea()
                || part.boxArea() < PANEL_SHARE * region.width() * region.height()) {
            return false;
        }
        int[] edge = box.edge(width);
        int covered = 0;
        for (int i : edge) {
            covered += labels[i] == part.label() ? 1 : 0;
        }
        return covered >= PANEL_EDGE * edge.length;
    }

    /**
     * The digit's pixels: the largest piece clear of the region's edge (what touches the edge
     * is background: a margin, a line, a neighbour cut off) unless only such pieces are big,
     * and every piece big enough and close enough to be part of it (a 5's flag, a broken
     * stroke); specks are dropped.
     */
    boolean[] digit() {
        int biggest = largest().area();
        List<Part> inner = parts.stream()
                .filter(p -> !p.touchesEdge() && p.area() >= MAIN_SHARE * biggest).toList();
        List<Part> pool = inner.isEmpty() ? parts
                : parts.stream().filter(p -> !p.touchesEdge()).toList();
        boolean[] keep = withCloseParts(largest(inner.isEmpty() ? parts : inner), pool);
        boolean[] kept = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            kept[i] = labels[i] != 0 && keep[labels[i]];
        }
        return kept;
    }

    /**
     * Which pieces, by label, make the digit: {@code main}, and every piece of {@code pool}
     * not a speck within {@link #NEAR} of the box of those found so far.
     */
    private boolean[] withCloseParts(Part main, List<Part> pool) {
        boolean[] keep = new boolean[parts.size() + 1];
        keep[main.label()] = true;
        int left = main.left();
        int top = main.top();
        int right = main.right();
        int bottom = main.bottom();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Part part : pool) {
                if (keep[part.label()]
                        || part.area() < Math.max(SPECK_PIXELS, SPECK_SHARE * main.area())) {
                    continue;
                }
                int gap = Math.max(Math.max(part.left() - right, left - part.right()),
                        Math.max(part.top() - bottom, top - part.bottom()));
                if (gap <= NEAR * Math.max(right - left + 1, bottom - top + 1)) {
                    keep[part.label()] = true;
                    left = Math.min(left, part.left());
                    top = Math.min(top, part.top());
                    right = Math.max(right, part.right());
                    bottom = Math.max(bottom, part.bottom());
                    grew = true;
                }
            }
        }
        return keep;
    }
}
