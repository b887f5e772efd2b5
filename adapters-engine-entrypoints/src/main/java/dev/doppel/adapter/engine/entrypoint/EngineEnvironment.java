package dev.doppel.adapter.engine.entrypoint;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment an engine process gets: only the variables it needs from the application's own,
 * never the rest. The application's environment holds its signing key and database passwords, and
 * the engine parses files uploaded by users.
 */
public final class EngineEnvironment {
  /** Locale, paths and the knobs that Python, numpy, torch and CUDA read. */
  private static final Set<String> INHERITED =
      Set.of(
          "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP",
          "LD_LIBRARY_PATH", "SSL_CERT_FILE", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MPLCONFIGDIR",
          "CUDA_VISIBLE_DEVICES", "CUDA_HOME", "NVIDIA_VISIBLE_DEVICES",
          "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "NUMEXPR_MAX_THREADS",
          "VECLIB_MAXIMUM_THREADS", "TORCH_NUM_THREADS",
          "DOPPEL_THREADS", "DOPPEL_METRICS", "DOPPEL_ENGINE_DEVICE");
  private static final String LOCALE_PREFIX = "LC_";

  private EngineEnvironment() {}

  /** The allowed part of {@code parent}, then the engine's own settings on top. */
  public static Map<String, String> of(Map<String, String> parent, int threads) {
    Map<String, String> environment = new TreeMap<>();
    parent.forEach((name, value) -> {
      if (INHERITED.contains(name) || name.startsWith(LOCALE_PREFIX)) {
        environment.put(name, value);
      }
    });
    environment.put("PYTHONUNBUFFERED", "1");
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    if (threads > 0) {
      environment.put("DOPPEL_THREADS", String.valueOf(threads));
    }
    return environment;
  }
}
