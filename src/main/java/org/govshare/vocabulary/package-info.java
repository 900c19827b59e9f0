/**
 * The regulation's words for classifying shared information: how a resource is shared ({@link
 * org.govshare.vocabulary.SharingType}), how sensitive an item is, what kind of condition a conditional resource
 * sets, and what kind of resource it is. The catalog stores them, rule facts carry them and DRL files compare with
 * them, so they sit below all three and depend on nothing.
 */
package org.govshare.vocabulary;
