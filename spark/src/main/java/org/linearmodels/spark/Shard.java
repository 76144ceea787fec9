package org.linearmodels.spark;

import java.io.Serializable;

/**
 * One worker's part of the training set, as the data layer stores images: 784 bytes a row, a
 * label byte each.
 *
 * @param index the shard's number, which seeds its shuffles apart from the others'
 */
public record Shard(int index, byte[] pixels, byte[] labels) implements Serializable {

    private static final long serialVersionUID = 1L;

    public int size() {
        return labels.length;
    }
}
