package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.message.InputType;

/** One input of one feature of a device: the unit of subscription. */
record InputKey(int featureIndex, InputType type) {
}
