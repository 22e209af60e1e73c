/** Sluice master module. */
package io.sluice.master;
