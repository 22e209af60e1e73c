package io.sluice.engine.runtime.library;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Removes from {@link DriverManager} the drivers a project's jars registered (JDBC drivers register
 * themselves when their class is initialized), so that DriverManager does not keep a finished
 * attempt's class loader, and all its classes, alive for the life of the JVM.
 *
 * <p>DriverManager lets only code of the driver's own class loader see and deregister it, so {@link
 * ProjectClassLoader} defines a copy of this class inside itself and calls that copy. It must
 * therefore use nothing but {@code java.*} classes.
 */
public final class DriverRegistrations implements Supplier<List<String>> {

  /** Deregisters the drivers of this class's loader; returns their class names. */
  @Override
  public List<String> get() {
    ClassLoader own = getClass().getClassLoader();
    List<String> removed = new ArrayList<>();
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == own) {
        try {
          DriverManager.deregisterDriver(driver);
          removed.add(driver.getClass().getName());
        } catch (SQLException | SecurityException e) {
          // nothing else to try: this driver and its loader stay until the JVM exits
        }
      }
    }
    return removed;
  }
}
