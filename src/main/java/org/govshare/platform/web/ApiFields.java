package org.govshare.platform.web;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How an API body names what a Tasklist form calls by its keys. The services check a decision once, for both doors,
 * and name what is wrong by the form's keys (the API completes the same task with the same variables); an API caller
 * is answered in the names it sent instead, e.g. {@code legalBasisLaw} where the form says {@code refusalLaw}.
 *
 * @param ofFormKey the API field of each form key that differs from it
 */
public record ApiFields(Map<String, String> ofFormKey) {

    /**
     * Runs an API call; a refusal of its input names the API's fields. The engine wraps what a task listener throws,
     * so the refusal is looked for among the causes; anything else goes on as it came.
     */
    public <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failed) {
            InvalidInputException refused = Causes.find(failed, InvalidInputException.class);
            if (refused != null && refused.renamed(ofFormKey) != refused) {
                throw refused.renamed(ofFormKey);
            }
            throw failed;
        }
    }
}
