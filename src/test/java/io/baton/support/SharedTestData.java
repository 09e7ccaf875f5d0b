package io.baton.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party corpus in {@code ../shared/testdata} (real MMS PDUs, carrier MIME, MM7 samples,
 * PDQ vectors). Read in place, never copied into the repository: their licences forbid shipping
 * them. CI always has the folder; in a clone without it the tests that need it are skipped with a
 * message saying so.
 */
public final class SharedTestData {

    private static final Path ROOT = Path.of(System.getProperty("baton.shared-testdata", "../shared/testdata"));

    private SharedTestData() {
    }

    /** Whether {@code ../shared/testdata/<name>} is here (for tests that use it when present, not only). */
    public static boolean available(String name) {
        return Files.isDirectory(ROOT.resolve(name));
    }

    /** The folder {@code ../shared/testdata/<name>}; skips the calling test when it is absent. */
    public static Path folder(String name) {
        Path dir = ROOT.resolve(name);
        assumeTrue(Files.isDirectory(dir), () -> "skipped: third-party test data " + dir.toAbsolutePath()
                + " is not here (it lives beside the repository in ../shared, see ../shared/testdata/SOURCES.md)");
        return dir;
    }
}
