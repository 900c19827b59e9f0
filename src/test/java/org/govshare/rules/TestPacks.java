package org.govshare.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rule packs a test writes into a folder of its own: the Zhengzhou figures, under the folder's name. */
public final class TestPacks {

    private TestPacks() {
    }

    /** Makes the folder a pack (its pack.yaml) and answers the settings that put it in force. */
    public static RulesProperties packIn(Path folder) {
        try {
            String pack = Files.readString(Path.of("rules/packs/zhengzhou-2015/pack.yaml"))
                    .replace("name: zhengzhou-2015", "name: " + folder.getFileName());
            Files.writeString(folder.resolve("pack.yaml"), pack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesProperties(folder.getParent().toUri().toString(), folder.getFileName().toString());
    }
}
