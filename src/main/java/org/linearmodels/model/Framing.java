package org.linearmodels.model;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * How a data set framed the object in each of its images, so that a user's picture can be
 * framed alike before an image model sees it ({@code predict.Framer}).
 */
public enum Framing {
    /**
     * MNIST: the digit fits a 20×20 box, and its centre of mass sits at pixel (14, 14). An MNIST
     * image comes out as it went in, to within 0.006 per pixel on average.
     */
    MNIST(20, true, "digit"),
    /**
     * Fashion-MNIST: the product's longer side is scaled to 28 and the box is centred (the data
     * set's paper: trim, resize the longest edge to 28, centre, negate).
     */
    FASHION_MNIST(28, false, "garment");

    private final int box;
    private final boolean centreOfMass;
    private final String thing;

    Framing(int box, boolean centreOfMass, String thing) {
        this.box = box;
        this.centreOfMass = centreOfMass;
        this.thing = thing;
    }

    /** The side of the square the object is scaled into. */
    public int box() {
        return box;
    }

    /** Whether the object's centre of mass is centred, rather than its box. */
    public boolean centreOfMass() {
        return centreOfMass;
    }

    /** What the object is called in messages: "digit", "garment". */
    public String thing() {
        return thing;
    }

    /**
     * Reads a framing by its name and refuses any other: Gson's own enum adapter reads an
     * unknown name as null, which would load an edited manifest as a model without framing.
     */
    static final class Adapter extends TypeAdapter<Framing> {
        @Override
        public void write(JsonWriter out, Framing value) throws IOException {
            out.value(value.name());
        }

        @Override
        public Framing read(JsonReader in) throws IOException {
            String name = in.nextString();
            return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new JsonParseException("the framing '" + name
                            + "' is not one of " + Arrays.toString(values())));
        }
    }
}
