package org.govshare.platform.web;

/** Finding what really went wrong in an exception the engine or a library wrapped, however deep. */
public final class Causes {

    private Causes() {
    }

    /** The first exception of a type among an exception and its causes, or null. */
    public static <T extends Throwable> T find(Throwable failed, Class<T> type) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The platform's refusal among the causes: the input a rule refused ({@link InvalidInputException}) or a step
     * refused to the caller ({@code AccessDeniedException}), whichever lies nearer; null for anything else.
     */
    public static RuntimeException refusal(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException
                    || cause instanceof org.springframework.security.access.AccessDeniedException) {
                return (RuntimeException) cause;
            }
        }
        return null;
    }
}
