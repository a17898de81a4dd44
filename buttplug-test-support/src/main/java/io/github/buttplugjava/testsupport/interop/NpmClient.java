package io.github.buttplugjava.testsupport.interop;

/**
 * The real npm {@code buttplug} clients installed in {@code interop/node} (pinned by its lock file),
 * by the argument {@code client.mjs} takes to pick one.
 */
public enum NpmClient {

    /** npm {@code buttplug} 3.2.2, which speaks spec v3 (ScalarCmd, SensorReadCmd, StopDeviceCmd). */
    V3("v3", "3.2.2", 3),

    /** npm {@code buttplug} 5.0.2, which speaks spec v4 (OutputCmd, InputCmd, StopCmd). */
    V4("v4", "5.0.2", 4);

    private final String argument;
    private final String packageVersion;
    private final int specVersion;

    NpmClient(String argument, String packageVersion, int specVersion) {
        this.argument = argument;
        this.packageVersion = packageVersion;
        this.specVersion = specVersion;
    }

    /**
     * The first argument of {@code client.mjs}: {@code v3} or {@code v4}.
     *
     * @return {@code "v3"} or {@code "v4"}
     */
    public String argument() {
        return argument;
    }

    /**
     * The npm package version, as {@code client.mjs} reports it in its {@code connect} step.
     *
     * @return the version, e.g. {@code "5.0.2"}
     */
    public String packageVersion() {
        return packageVersion;
    }

    /**
     * The Buttplug spec version the package speaks.
     *
     * @return the spec major version, 3 or 4
     */
    public int specVersion() {
        return specVersion;
    }

    /** The directory under {@code interop/node/node_modules} holding the package (an npm alias). */
    String moduleDirectory() {
        return "buttplug-" + argument;
    }

    @Override
    public String toString() {
        return "npm buttplug " + packageVersion + " (spec v" + specVersion + ")";
    }
}
