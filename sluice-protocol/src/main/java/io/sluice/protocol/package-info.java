/** Sluice protocol module. */
package io.sluice.protocol;
