package org.govshare.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.govshare.GovShareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules as Spring Modulith sees them: each package under {@code org.govshare} is one, and a module
 * may use another's top-level types and its named interfaces only. Its documentation (a diagram of all modules,
 * one per module and a canvas page per module) is committed under {@code docs/modules} and must match the code.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GovShareApplication.class);

    /** The committed documentation; {@code -Dgovshare.modules.write-docs=true} rewrites it from the code. */
    static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void featureModulesUseEachOtherOnlyThroughWhatTheyOffer() {
        MODULES.verify();
    }

    @Test
    void committedModuleDocumentationMatchesTheCode() {
        boolean write = Boolean.getBoolean("govshare.modules.write-docs");
        Path generated = write ? COMMITTED : Path.of("target/modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        assertThat(contents(COMMITTED))
                .as("docs/modules is out of date: run ./mvnw test -Dtest=ModulesTest -Dgovshare.modules.write-docs=true"
                        + " and commit the result")
                .isEqualTo(contents(generated));
    }

    private static Map<String, String> contents(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                // the generator writes relations in no fixed order, so a file is compared as its sorted lines
                files.put(p.getFileName().toString(), Files.readString(p).lines().sorted()
                        .collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
