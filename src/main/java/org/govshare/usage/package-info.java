/**
 * Usage records (national Art. 29): what a grant's holder did with the shared data, kept at least as long as the rule
 * pack says, readable by the holder, the provider and the authority; and the daily figures that find a grant in use
 * without them.
 */
package org.govshare.usage;
