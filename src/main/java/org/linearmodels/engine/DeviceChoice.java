package org.linearmodels.engine;

import ai.djl.Device;
import java.util.Locale;
import org.linearmodels.errors.DeviceException;

/** The {@code --device} flag: where the engine keeps tensors and runs the model. */
public enum DeviceChoice {
    CPU,
    GPU,
    AUTO;

    /** Resolves the choice against the GPUs the PyTorch engine actually sees. */
    public Device resolve() {
        int gpus = PyTorch.engine().getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new DeviceException("--device gpu: DJL's PyTorch engine sees"
                            + " no CUDA GPU (this build bundles the CPU libtorch). Build with"
                            + " ./mvnw -Dgpu and a CUDA libtorch 2.7.1 (docs/gpu.md), or use"
                            + " --device cpu.");
                }
                yield Device.gpu();
            }
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
