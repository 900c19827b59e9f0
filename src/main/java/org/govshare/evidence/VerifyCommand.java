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
 * prints what holds and what does not, one line each, then exits 0 when everything holds against roots pinned with
 * {@code --root}, 1 when something does not, 2 when the package (or a pinned root) cannot be read, and 3 when
 * everything holds but only against the roots the package carries, which proves nothing about who sealed it. Runs
 * before Spring would start: nothing of the platform is needed, neither its database nor a network. It never ends in
 * a stack trace: whatever it did not foresee is one {@code UNREADABLE} line.
 */
public final class VerifyCommand {

    static final String USAGE = "usage: java -jar govshare.jar verify [--root root.pem]... package.zip";

    private VerifyCommand() {
    }

    /** @param args what follows {@code verify} on the command line */
    public static int run(String[] args, PrintStream out) {
        try {
            return check(args, out);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            out.println("UNREADABLE: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Verification.UNREADABLE;
        }
    }

    private static int check(String[] args, PrintStream out) {
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
            if (Files.size(pkg) > PackageFiles.MAX_TOTAL) {
                out.println("FAIL " + pkg + " is larger than " + PackageFiles.MAX_TOTAL / (1024 * 1024)
                        + " MB, more than any package the platform makes");
                return Verification.UNREADABLE;
            }
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
