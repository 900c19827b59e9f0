package org.govshare.platform;

/** Text a process shows in a task's form (a case summary), kept within what the engine stores in a string variable. */
public final class ProcessText {

    private ProcessText() {
    }

    /**
     * Camunda keeps a string variable in 4000 characters; a longer text is cut and says where the whole is.
     *
     * @param whole what the rest is found in, e.g. "the request"
     */
    public static String fit(String text, String whole) {
        return text.length() <= 3900 ? text : text.substring(0, 3800) + "\n… (see " + whole + " for the rest)";
    }
}
