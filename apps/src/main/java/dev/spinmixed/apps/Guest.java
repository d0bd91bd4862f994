package dev.spinmixed.apps;

/**
 * One guest of the Spin app, as a line of {@code apps/build/guests.tsv} declares it.
 *
 * @param name the component's name: its core module is {@code target/core/<name>.wasm}, its
 *     component {@code target/oci/<name>.wasm}
 * @param buildScript the script that builds the core module, relative to the repository root
 * @param world the world it implements, in the package of {@code apps/wit}
 * @param language the source language, for the size report
 */
public record Guest(String name, String buildScript, String world, String language) {

    public String coreFile() {
        return name + ".wasm";
    }

    public String componentFile() {
        return name + ".wasm";
    }
}
