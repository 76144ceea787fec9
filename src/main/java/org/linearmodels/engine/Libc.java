package org.linearmodels.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The glibc calls this package makes for libtorch's sake, through JNA: heap settings
 * ({@link NativeHeap}) and an exit handler ({@link QuickExit}). Loading it where there is no
 * glibc throws {@link UnsatisfiedLinkError}; its callers then leave things as they are.
 */
interface Libc extends Library {

    /** malloc.h: sets one of the allocator's parameters; 1 on success. */
    int mallopt(int parameter, int value);

    /** stdlib.h: calls {@code function(status, argument)} at exit; 0 on success. */
    int on_exit(Pointer function, Pointer argument);

    static Libc load() {
        return Native.load("c", Libc.class);
    }

    /** The address of glibc's function {@code name}, to hand to a call such as on_exit. */
    static Pointer function(String name) {
        return NativeLibrary.getInstance("c").getFunction(name);
    }
}
