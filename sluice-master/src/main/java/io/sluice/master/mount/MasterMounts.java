package io.sluice.master.mount;

import io.javalin.config.RoutesConfig;
import io.sluice.master.Master;
import io.sluice.master.http.RouteModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link MasterMount}s on the class path, mounted on the master's services, as one module. */
public final class MasterMounts implements RouteModule {

  private static final Logger log = LoggerFactory.getLogger(MasterMounts.class);

  private final List<RouteModule> mounted;

  private MasterMounts(List<RouteModule> mounted) {
    this.mounted = mounted;
  }

  public static MasterMounts load(MasterServices services) {
    return new MasterMounts(
        ServiceLoader.load(MasterMount.class, MasterMount.class.getClassLoader()).stream()
            .map(
                provider -> {
                  log.info("mounting {}", provider.type().getName());
                  return provider.get().mount(services);
                })
            .toList());
  }

  @Override
  public void register(RoutesConfig routes) {
    mounted.forEach(module -> module.register(routes));
  }

  /** The version Maven wrote into sluice-master's jar; "development" from a build tree. */
  public static String version() {
    try (InputStream in =
        Master.class.getResourceAsStream(
            "/META-INF/maven/io.sluice/sluice-master/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "development");
      }
    } catch (IOException e) {
      // answered below
    }
    return "development";
  }
}
