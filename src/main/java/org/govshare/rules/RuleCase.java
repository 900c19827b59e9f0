package org.govshare.rules;

import java.util.List;

/** A case a decision's rules are run on, as a rule scenario gives it: it knows its own facts. */
public interface RuleCase {

    List<Object> facts();
}
