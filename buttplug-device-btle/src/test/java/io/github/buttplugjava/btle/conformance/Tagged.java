package io.github.buttplugjava.btle.conformance;

/** A YAML node with a local tag such as {@code !Write}: the tag name and the node's value. */
record Tagged(String tag, Object value) {
}
