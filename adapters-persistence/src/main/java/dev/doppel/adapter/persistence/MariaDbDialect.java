package dev.doppel.adapter.persistence;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.Map;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's MariaDB dialect, fixed for reaching MariaDB through mysql-connector-j, the driver
 * this platform ships. Name it in {@code spring.jpa.database-platform} when the production
 * database is MariaDB rather than MySQL; MySQL needs nothing.
 *
 * <ul>
 *   <li>MariaDB 10.x announces itself as {@code 5.5.5-10.11.19-MariaDB} for old clients, which
 *       Hibernate reads as version 5.5.5; the real version follows the prefix.
 *   <li>MariaDB's {@code JSON} is an alias of {@code LONGTEXT} with a JSON_VALID check, so schema
 *       validation must accept a LONGTEXT column for a JSON attribute (HHH-18869, fixed in
 *       Hibernate 7).
 * </ul>
 */
public class MariaDbDialect extends MariaDBDialect {
  private static final String COMPATIBILITY_PREFIX = "5.5.5-";

  public MariaDbDialect() {}

  public MariaDbDialect(DialectResolutionInfo info) {
    super(new RealVersion(info));
  }

  @Override
  public boolean equivalentTypes(int typeCode1, int typeCode2) {
    return super.equivalentTypes(typeCode1, typeCode2) || jsonAsText(typeCode1, typeCode2) || jsonAsText(typeCode2, typeCode1);
  }

  private static boolean jsonAsText(int expected, int found) {
    return expected == SqlTypes.JSON && (found == Types.LONGVARCHAR || found == SqlTypes.LONG32VARCHAR);
  }

  /** The driver's report with the compatibility prefix taken off the version. */
  private record RealVersion(DialectResolutionInfo reported) implements DialectResolutionInfo {
    @Override
    public String getDatabaseVersion() {
      String version = reported.getDatabaseVersion();
      return version != null && version.startsWith(COMPATIBILITY_PREFIX) && version.contains("MariaDB")
          ? version.substring(COMPATIBILITY_PREFIX.length())
          : version;
    }

    private int part(int index, int fallback) {
      String version = getDatabaseVersion();
      if (version == null) {
        return fallback;
      }
      String[] parts = version.split("[.-]");
      try {
        return parts.length > index ? Integer.parseInt(parts[index]) : fallback;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    @Override
    public int getDatabaseMajorVersion() {
      return part(0, reported.getDatabaseMajorVersion());
    }

    @Override
    public int getDatabaseMinorVersion() {
      return part(1, reported.getDatabaseMinorVersion());
    }

    @Override
    public int getDatabaseMicroVersion() {
      return part(2, reported.getDatabaseMicroVersion());
    }

    @Override
    public String getDatabaseName() {
      return reported.getDatabaseName();
    }

    @Override
    public String getDriverName() {
      return reported.getDriverName();
    }

    @Override
    public int getDriverMajorVersion() {
      return reported.getDriverMajorVersion();
    }

    @Override
    public int getDriverMinorVersion() {
      return reported.getDriverMinorVersion();
    }

    @Override
    public String getSQLKeywords() {
      return reported.getSQLKeywords();
    }

    @Override
    public DatabaseMetaData getDatabaseMetadata() {
      return reported.getDatabaseMetadata();
    }

    @Override
    public Map<String, Object> getConfigurationValues() {
      return reported.getConfigurationValues();
    }
  }
}
