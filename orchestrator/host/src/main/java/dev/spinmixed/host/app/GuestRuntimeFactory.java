package dev.spinmixed.host.app;

import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.HostFunctions;

/** Builds the runtime that runs the manifest's components with the host's functions. */
@FunctionalInterface
public interface GuestRuntimeFactory {
    GuestRuntime create(Manifest manifest, HostFunctions hostFunctions);
}
