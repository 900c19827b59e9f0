package org.govshare.request;

/**
 * The statutory duty a request serves: the law or regulation and its article, e.g. 《社会救助暂行办法》 第十一条.
 */
public record Duty(String law, String article) {

    public boolean cited() {
        return law != null && !law.isBlank() && article != null && !article.isBlank();
    }

    /** As the rules and the officials read it: law and article in one line. */
    public String citation() {
        return cited() ? law.strip() + " " + article.strip() : "";
    }
}
