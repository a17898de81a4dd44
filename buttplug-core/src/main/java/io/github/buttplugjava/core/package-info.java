/**
 * Buttplug core: the exceptions every module shares. Sub-packages hold the message model
 * ({@code message}), JSON codec ({@code codec}), device SPI ({@code device}), connector SPI
 * ({@code connector}), client ({@code client}) and embedded server ({@code server}).
 */
package io.github.buttplugjava.core;
