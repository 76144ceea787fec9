package org.linearmodels.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CheckpointException;

/**
 * Reads the float tensors of a PyTorch file, by their dotted names: a {@code torch.save} file
 * (a state dict, or any dict of tensors) or a TorchScript module ({@code torch.jit.save}), whose
 * attributes are pickled the same way. Both are zips holding {@code <top>/data.pkl} and the raw
 * storages {@code <top>/data/<key>}; Pyrolite unpickles, this class supplies what PyTorch's own
 * unpickler would: the storages, the tensor rebuilders and {@code OrderedDict}.
 */
public final class TorchFileReader {

    /** What a file holds, as far as the reader can tell. */
    public enum Kind {
        STATE_DICT("torch.save"),
        TORCHSCRIPT("TorchScript");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The tensors of a file, in the order the file lists them, and its kind. */
    public record Contents(Kind kind, Map<String, TorchTensor> tensors) {}

    /** A storage class such as {@code torch.FloatStorage}: a GLOBAL the persistent ids name. */
    private record StorageType(String name, int bytes) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException(name + " is referred to, never called, in a tensor file");
        }
    }

    private record Storage(StorageType type, ByteBuffer data) {}

    /** {@code collections.OrderedDict}; its pickled state ({@code _metadata}) is not needed. */
    public static final class PickledDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;

        public void __setstate__(HashMap<String, Object> state) {
            // The state is the module versions PyTorch keeps beside a state dict; unused here.
        }
    }

    static {
        for (StorageType type : List.of(new StorageType("FloatStorage", 4),
                new StorageType("DoubleStorage", 8))) {
            Unpickler.registerConstructor("torch", type.name(), type);
        }
        Unpickler.registerConstructor("collections", "OrderedDict", args -> new PickledDict());
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2",
                TorchFileReader::rebuildTensor);
        // A Parameter saved as such (torch.save of a module's own tensors): its data inside.
        Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", args -> args[0]);
    }

    private TorchFileReader() {}

    /**
     * The tensors {@code file} holds. A file that is missing, truncated, not a PyTorch zip, or
     * whose pickle names what a tensor file does not hold is a {@link CheckpointException}.
     */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no such file. Give the path of a file that"
                    + " torch.save or torch.jit.save wrote.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String top = topFolder(zip, file);
            Kind kind = zip.getEntry(top + "code/") != null || hasEntryUnder(zip, top + "code/")
                    ? Kind.TORCHSCRIPT : Kind.STATE_DICT;
            Object root;
            try (InputStream pickle = zip.getInputStream(zip.getEntry(top + "data.pkl"))) {
                root = new StorageUnpickler(zip, top, file).load(pickle);
            }
            Map<String, TorchTensor> tensors = new LinkedHashMap<>();
            collect("", root, tensors);
            return new Contents(kind, tensors);
        } catch (ZipException | NoSuchFileException e) {
            throw notPyTorch(file, e);
        } catch (IOException | PickleException | ClassCastException
                | IndexOutOfBoundsException e) {
            throw new CheckpointException(file + " is damaged or truncated (" + Causes.of(e)
                    + "); save it again with torch.save or torch.jit.save.", e);
        }
    }

    private static CheckpointException notPyTorch(Path file, Exception e) {
        return new CheckpointException(file + " is not a PyTorch zip, or is truncated ("
                + Causes.of(e) + "): save the model with torch.save (PyTorch 1.6 or later, not"
                + " _use_new_zipfile_serialization=False) or torch.jit.save.",
                e);
    }

    /** The one folder every entry lies under, with its slash; PyTorch names it freely. */
    private static String topFolder(ZipFile zip, Path file) throws ZipException {
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                return name.substring(0, slash + 1);
            }
        }
        throw new ZipException("a zip without the data.pkl of a PyTorch file");
    }

    private static boolean hasEntryUnder(ZipFile zip, String folder) {
        return zip.stream().anyMatch(entry -> entry.getName().startsWith(folder));
    }

    /** Walks dicts and TorchScript objects (Pyrolite's ClassDicts are maps too). */
    private static void collect(String prefix, Object value, Map<String, TorchTensor> out) {
        if (value instanceof TorchTensor tensor) {
            out.put(prefix, tensor);
        } else if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!key.equals("__class__")) {
                    collect(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), out);
                }
            }
        }
    }

    /**
     * {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks, ...)}: the
     * values are copied out in row-major order, honouring offset and stride (a transposed or
     * sliced tensor is saved with its whole storage).
     */
    private static Object rebuildTensor(Object[] args) {
        Storage storage = (Storage) args[0];
        long offset = ((Number) args[1]).longValue();
        Object[] size = (Object[]) args[2];
        Object[] stride = (Object[]) args[3];
        long[] shape = new long[size.length];
        long count = 1;
        for (int i = 0; i < size.length; i++) {
            shape[i] = ((Number) size[i]).longValue();
            count *= shape[i];
        }
        float[] values = new float[Math.toIntExact(count)];
        long[] index = new long[shape.length];
        for (int n = 0; n < values.length; n++) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * ((Number) stride[d]).longValue();
            }
            values[n] = storage.type().bytes() == 4
                    ? storage.data().getFloat(Math.toIntExact(at * 4))
                    : (float) storage.data().getDouble(Math.toIntExact(at * 8));
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new TorchTensor(shape, values);
    }

    /** Resolves {@code ('storage', type, key, location, numel)} to the bytes of data/key. */
    private static final class StorageUnpickler extends Unpickler {
        private final ZipFile zip;
        private final String top;
        private final Path file;

        StorageUnpickler(ZipFile zip, String top, Path file) {
            this.zip = zip;
            this.top = top;
            this.file = file;
        }

        @Override
        protected Object persistentLoad(Object pid) {
            Object[] id = (Object[]) pid;
            if (!"storage".equals(id[0])) {
                throw new PickleException("an unknown persistent id " + id[0]);
            }
            if (!(id[1] instanceof StorageType type)) {
                throw new CheckpointException(file + " holds tensors of a type other than"
                        + " float32 or float64; convert the model with model.float() before"
                        + " saving it.");
            }
            ZipEntry entry = zip.getEntry(top + "data/" + id[2]);
            if (entry == null) {
                throw new PickleException("storage " + id[2] + " is missing");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readAllBytes();
                long numel = ((Number) id[4]).longValue();
                if (bytes.length < numel * type.bytes()) {
                    throw new PickleException("storage " + id[2] + " is short");
                }
                return new Storage(type, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
            } catch (IOException e) {
                throw new PickleException("storage " + id[2] + ": " + Causes.of(e));
            }
        }
    }
}
