package org.govshare.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar govshare.jar verify [--root root.pem]... package.zip}: checks an evidence package offline and
 * prints what holds and what does not, one line each, then exits 0 when everything holds, 1 when something does not
 * and 2 when the package (or a pinned root) cannot be read. Runs before Spring would start: nothing of the platform is
 * needed, neither its database nor a network.
 */
public final class VerifyCommand {

    static final String USAGE = "usage: java -jar govshare.jar verify [--root root.pem]... package.zip";

    private VerifyCommand() {
    }

    /** @param args what follows {@code verify} on the command line */
    public static int run(String[] args, PrintStream out) {
        List<X509Certificate> pinned = new ArrayList<>();
        Path pkg = null;
        for (int i = 0; i < args.length; i++) {
            if ("--root".equals(args[i]) && i + 1 < args.length) {
                Path root = Path.of(args[++i]);
                try {
                    pinned.addAll(PackageTrust.pem(Files.readAllBytes(root)));
                } catch (IOException | IllegalArgumentException e) {
                    out.println("the root " + root + " cannot be read as PEM certificates: " + e.getMessage());
                    return Verification.UNREADABLE;
                }
            } else if (pkg == null && !args[i].startsWith("--")) {
                pkg = Path.of(args[i]);
            } else {
                out.println(USAGE);
                return Verification.UNREADABLE;
            }
        }
        if (pkg == null) {
            out.println(USAGE);
            return Verification.UNREADABLE;
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(pkg);
        } catch (IOException e) {
            out.println("FAIL " + pkg + " cannot be read: " + e.getMessage());
            return Verification.UNREADABLE;
        }
        out.println("Checking " + pkg + " offline");
        Verification verification = PackageVerifier.verify(zip, pinned);
        verification.lines().forEach(out::println);
        out.println(verification.summary());
        return verification.exitCode();
    }
}
