package org.govshare.platform;

import java.time.Duration;

/**
 * A daemon thread running one loop until it is stopped (the audit chainer, the audit indexer): started and stopped
 * with the application, interrupted to stop, given ten seconds to finish what it is doing.
 */
public final class BackgroundWorker {

    private final String name;
    private final Runnable loop;
    private volatile Thread thread;

    public BackgroundWorker(String name, Runnable loop) {
        this.name = name;
        this.loop = loop;
    }

    public void start() {
        Thread started = new Thread(loop, name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean running() {
        return thread != null;
    }

    /** Waits, and keeps the interruption for the loop to see. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
