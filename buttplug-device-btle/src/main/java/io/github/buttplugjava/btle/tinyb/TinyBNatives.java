package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.BleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads TinyB's native libraries from the sputnikdev jar (they are not on {@code java.library.path}),
 * once per JVM, before any {@code tinyb.*} class initialises.
 *
 * <p>TinyB's own static initialisers call {@code System.loadLibrary} and print "Native code library
 * failed to load" to stderr when that finds nothing, even though the libraries are already loaded
 * and work. The class initialisation therefore runs with stderr captured, and whatever else was
 * printed meanwhile is passed on.
 */
final class TinyBNatives {
    private static final Logger log = LoggerFactory.getLogger(TinyBNatives.class);
    /** The version TinyB's natives report and its Java classes expect in their jar manifest. */
    static final String SPECIFICATION_VERSION = "0.5.0-28-gac6d308.0.5.0-28-gac6d308";
    private static BleException failure;
    private static boolean loaded;

    private TinyBNatives() {
    }

    /** Loads the libraries, or throws the (remembered) reason why they cannot be loaded. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            String dir = nativeDirectory();
            Path target = Files.createTempDirectory("buttplug-tinyb");
            target.toFile().deleteOnExit();
            Path tinyb = extract(dir + "/libtinyb.so", target);
            Path javatinyb = extract(dir + "/libjavatinyb.so", target);
            // libjavatinyb needs libtinyb by soname; loading libtinyb first satisfies it
            System.load(tinyb.toString());
            System.load(javatinyb.toString());
            initialiseQuietly();
            loaded = true;
            log.info("TinyB native libraries loaded from {}", dir);
        } catch (IOException | UnsatisfiedLinkError | ClassNotFoundException | BleException e) {
            failure = e instanceof BleException ble ? ble
                    : new BleException("cannot load TinyB's native libraries: " + e.getMessage(), e);
            throw failure;
        }
    }

    private static String nativeDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new BleException("TinyB works on Linux only (this is " + os + ")");
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "native/linux/x86_64";
            case "x86", "i386", "i686" -> "native/linux/x86_32";
            case "arm" -> "native/arm/armv6";
            default -> throw new BleException("TinyB ships no native library for " + arch
                    + " (only x86_64, x86_32 and 32-bit ARM); use the BlueZ D-Bus backend");
        };
    }

    private static Path extract(String resource, Path dir) throws IOException {
        try (InputStream in = TinyBNatives.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new BleException("TinyB's native library " + resource + " is not on the class path"
                        + " (add org.sputnikdev:bluetooth-manager-tinyb)");
            }
            Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        }
    }

    private static void initialiseQuietly() throws ClassNotFoundException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ClassLoader loader = TinyBNatives.class.getClassLoader();
            Class.forName("tinyb.BluetoothObject", true, loader);
            Class.forName("tinyb.BluetoothManager", true, loader);
        } finally {
            System.setErr(original);
        }
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("Native code library failed to load.")
                    && !line.contains("in java.library.path")) {
                original.println(line);
            }
        }
    }
}
