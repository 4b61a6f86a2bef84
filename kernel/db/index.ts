export { checksumOf, type Migration, type MigrationReport, migrate } from './migrations';
export { type DatabaseConfig, databaseConfigFromEnv, describeDatabase, openDatabase } from './open';
export type { Database, Engine, Queryable, QueryResult, Row, Transaction } from './types';
