/** Readiness probe of a Neo4j server, kept in graph/ (the only code that imports neo4j-driver) for the provisioner. */
import neo4j from "neo4j-driver";

/** True when the server at `uri` runs a query with these credentials (false while it is still starting). */
export async function answersQuery(uri: string, user: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 5000 });
  try {
    await driver.executeQuery("RETURN 1", {}, { database: "neo4j" });
    return true;
  } catch {
    // the port opens before the default database is online
    return false;
  } finally {
    await driver.close();
  }
}
