/** Sluice catalog module. */
package io.sluice.catalog;
