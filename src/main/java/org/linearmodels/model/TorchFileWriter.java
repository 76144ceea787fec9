package org.linearmodels.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.razorvine.pickle.IObjectDeconstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Pickler;

/**
 * Writes PyTorch files: a dict of float tensors as {@code torch.save} does, so that
 * {@code torch.load} reads it (also with {@code weights_only=True}) and a module's
 * {@code load_state_dict} takes it; and a Linear layer as a TorchScript module that
 * {@code torch.jit.load} runs. Both are zips under a top folder holding {@code data.pkl}, the raw
 * storages {@code data/<n>} and {@code version}; TorchScript adds the module's code and
 * {@code constants.pkl}. Pyrolite pickles; this class tells it how a tensor, a storage and a
 * module are named.
 */
public final class TorchFileWriter {

    /** A reference to {@code torch.FloatStorage}, pickled as a bare GLOBAL. */
    private static final class FloatStorage {
        static final FloatStorage CLASS = new FloatStorage();
    }

    /** One tensor's storage; {@link StoragePickler} turns it into a persistent id. */
    private record Storage(String key, TorchTensor tensor) {}

    /** A tensor as {@code _rebuild_tensor_v2} rebuilds it, contiguous from offset 0. */
    private record Rebuild(Storage storage) {}

    /** A TorchScript module: its class, built (BUILD) from its attributes. */
    private record ScriptObject(String module, String name, Map<String, Object> attributes) {}

    /** The TorchScript module's class, resolved by torch.jit.load from this code. */
    private static final String MODULE = "__torch__.djl_linear_models";
    private static final String CLASS = "LinearModel";
    private static final String CODE = """
            class LinearModel(Module):
              __parameters__ = ["weight", "bias", ]
              __buffers__ = []
              weight : Tensor
              bias : Tensor
              training : bool
              def forward(self: __torch__.djl_linear_models.LinearModel,
                input: Tensor) -> Tensor:
                return torch.linear(torch.flatten(input, 1), self.weight, self.bias)
            """;
    /** An empty tuple: the module holds no constants. */
    private static final byte[] NO_CONSTANTS = {(byte) 0x80, 2, ')', '.'};

    static {
        Pickler.registerCustomDeconstructor(FloatStorage.class,
                new Global("torch", "FloatStorage"));
        Pickler.registerCustomDeconstructor(Rebuild.class,
                new Global("torch._utils", "_rebuild_tensor_v2") {
                    @Override
                    public Object[] deconstruct(Object value) {
                        TorchTensor tensor = ((Rebuild) value).storage().tensor();
                        long[] shape = tensor.shape();
                        Object[] size = new Object[shape.length];
                        Object[] stride = new Object[shape.length];
                        long step = 1;
                        for (int i = shape.length - 1; i >= 0; i--) {
                            size[i] = shape[i];
                            stride[i] = step;
                            step *= shape[i];
                        }
                        return new Object[] {((Rebuild) value).storage(), 0, size, stride, false,
                                new HashMap<>()};
                    }
                });
        // GLOBAL class, EMPTY_TUPLE, NEWOBJ, the attributes, BUILD: how TorchScript pickles one.
        Pickler.registerCustomPickler(ScriptObject.class, (value, out, pickler) -> {
            ScriptObject object = (ScriptObject) value;
            out.write(Opcodes.GLOBAL);
            out.write((object.module() + "\n" + object.name() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(Opcodes.EMPTY_TUPLE);
            out.write(Opcodes.NEWOBJ);
            pickler.save(object.attributes());
            out.write(Opcodes.BUILD);
        });
    }

    private TorchFileWriter() {}

    /**
     * Writes {@code tensors} (keys in this order) to {@code out} as torch.save's zip whose top
     * folder is {@code top} (PyTorch names it after the file).
     */
    public static void writeStateDict(Map<String, TorchTensor> tensors, String top,
            OutputStream out) throws IOException {
        List<Storage> storages = new ArrayList<>();
        Map<String, Object> dict = pickled(tensors, storages);
        ZipOutputStream zip = new ZipOutputStream(out);
        writeEntry(zip, top + "/data.pkl", new StoragePickler().dumps(dict));
        finish(zip, top, storages);
    }

    /**
     * Writes a TorchScript module holding {@code weight} (outputs, features) and {@code bias}
     * whose {@code forward} flattens each example and applies the Linear layer, as the DJL
     * model does; its answers are the layer's outputs (logits for the classifiers).
     */
    public static void writeTorchScript(TorchTensor weight, TorchTensor bias, String top,
            OutputStream out) throws IOException {
        Map<String, TorchTensor> parameters = new LinkedHashMap<>();
        parameters.put("weight", weight);
        parameters.put("bias", bias);
        List<Storage> storages = new ArrayList<>();
        Map<String, Object> attributes = pickled(parameters, storages);
        attributes.put("training", false);
        ZipOutputStream zip = new ZipOutputStream(out);
        writeEntry(zip, top + "/data.pkl",
                new StoragePickler().dumps(new ScriptObject(MODULE, CLASS, attributes)));
        writeEntry(zip, top + "/code/" + MODULE.replace('.', '/') + ".py",
                CODE.getBytes(StandardCharsets.UTF_8));
        writeEntry(zip, top + "/constants.pkl", NO_CONSTANTS);
        finish(zip, top, storages);
    }

    private static Map<String, Object> pickled(Map<String, TorchTensor> tensors,
            List<Storage> storages) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (var entry : tensors.entrySet()) {
            Storage storage = new Storage(String.valueOf(storages.size()), entry.getValue());
            storages.add(storage);
            dict.put(entry.getKey(), new Rebuild(storage));
        }
        return dict;
    }

    private static void writeEntry(ZipOutputStream zip, String name, byte[] bytes)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void finish(ZipOutputStream zip, String top, List<Storage> storages)
            throws IOException {
        for (Storage storage : storages) {
            float[] values = storage.tensor().values();
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            writeEntry(zip, top + "/data/" + storage.key(), bytes.array());
        }
        writeEntry(zip, top + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    /** A GLOBAL of {@code module.name}, called with {@link #deconstruct}'s arguments. */
    private static class Global implements IObjectDeconstructor {
        private final String module;
        private final String name;

        Global(String module, String name) {
            this.module = module;
            this.name = name;
        }

        @Override
        public String getModule() {
            return module;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object[] deconstruct(Object value) {
            return new Object[0];
        }
    }

    /** Storages go out of band: {@code ('storage', torch.FloatStorage, key, 'cpu', numel)}. */
    private static final class StoragePickler extends Pickler {
        StoragePickler() {
            super(true, false);
        }

        @Override
        protected Object persistentId(Object value) {
            if (value instanceof Storage storage) {
                return new Object[] {"storage", FloatStorage.CLASS, storage.key(), "cpu",
                        storage.tensor().values().length};
            }
            return null;
        }
    }
}
